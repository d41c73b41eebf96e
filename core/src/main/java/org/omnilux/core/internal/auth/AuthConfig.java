package org.omnilux.core.internal.auth;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = AuthConfig.PID, name = "OmniLux authentication")
public @interface AuthConfig {
    String PID = "org.omnilux.auth";

    @AttributeDefinition(description = "How long a login token stays valid, in days")
    int tokenLifetimeDays() default 30;

    @AttributeDefinition(description = "PBKDF2-HMAC-SHA256 iterations for new password hashes (at least 210000)")
    int pbkdf2Iterations() default PasswordHasher.MIN_ITERATIONS;
}
