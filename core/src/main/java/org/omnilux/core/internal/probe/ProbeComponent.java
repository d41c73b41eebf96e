package org.omnilux.core.internal.probe;

import java.nio.file.Path;
import java.time.Duration;

import org.omnilux.api.probe.MediaProber;
import org.omnilux.api.probe.ProbeException;
import org.omnilux.api.probe.ProbeResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the core's shared {@link MediaProber}, configured under the PID {@value #PID} (optional: without a
 * configuration ffprobe is taken from the PATH, one probe per processor runs at once, and a probe times out
 * after 30 s).
 *
 * <p>A configuration change replaces the prober in place, without re-registering the service; probes already
 * running finish on the old one (so for a moment the old and the new bound both apply).
 */
@Component(service = MediaProber.class, configurationPid = ProbeComponent.PID)
@Designate(ocd = ProbeComponent.Config.class)
public class ProbeComponent implements MediaProber {

    public static final String PID = "org.omnilux.probe";

    private static final Logger LOG = LoggerFactory.getLogger(ProbeComponent.class);

    @ObjectClassDefinition(id = PID, name = "OmniLux media probing",
            description = "How the core runs ffprobe to read media files.")
    public @interface Config {

        @AttributeDefinition(name = "ffprobe path",
                description = "Directory holding ffprobe, or the ffprobe executable. Empty: ffprobe from the PATH.")
        String ffprobePath() default "";

        @AttributeDefinition(name = "Concurrent probes",
                description = "How many ffprobe processes may run at once. 0: the number of processors.", min = "0")
        int maxConcurrentProbes() default 0;

        @AttributeDefinition(name = "Timeout (seconds)",
                description = "After this long a probe is stopped and fails.", min = "1")
        int timeoutSeconds() default 30;
    }

    private volatile JaffreeMediaProber delegate;

    @Activate
    @Modified
    void configure(Config config) {
        JaffreeMediaProber previous = delegate;
        delegate = create(config);
        if (previous != null) {
            previous.close();
        }
        LOG.info("Media probing: ffprobe {}, at most {} at once, timeout {} s",
                delegate.executable() == null ? "from the PATH" : delegate.executable(),
                delegate.maxConcurrentProbes(), delegate.timeout().toSeconds());
    }

    @Deactivate
    void deactivate() {
        JaffreeMediaProber previous = delegate;
        delegate = null;
        if (previous != null) {
            previous.close();
        }
    }

    @Override
    public ProbeResult probe(Path file) throws ProbeException {
        JaffreeMediaProber prober = delegate;
        if (prober == null) {
            throw new ProbeException("The media prober is not active");
        }
        return prober.probe(file);
    }

    static JaffreeMediaProber create(Config config) {
        String path = config.ffprobePath() == null ? "" : config.ffprobePath().trim();
        int timeoutSeconds = config.timeoutSeconds() > 0 ? config.timeoutSeconds() : 30;
        return new JaffreeMediaProber(path.isEmpty() ? null : Path.of(path), config.maxConcurrentProbes(),
                Duration.ofSeconds(timeoutSeconds));
    }
}
