package org.omnilux.core.internal.scan;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = ScanConfig.PID, name = "OmniLux scanning")
public @interface ScanConfig {
    String PID = "org.omnilux.scan";

    @AttributeDefinition(description = "Files recognised in parallel; 0 = twice the number of processors (ffprobe itself runs at most once per processor)")
    int poolSize() default 0;
}
