package org.omnilux.core.internal.probe;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.omnilux.api.probe.MediaProber;
import org.omnilux.api.probe.ProbeException;
import org.omnilux.api.probe.ProbeResult;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the core's shared {@link MediaProber}, configured under the PID {@value #PID} (optional: without a
 * configuration files are read by libavformat in the probe worker where it can run, by ffprobe from the PATH
 * otherwise and for whatever the worker cannot read; a probe times out after 30 s).
 *
 * <p>Two backends, one result (see {@link LibavMediaProber}): the fast one needs the probe worker's jars, which the
 * launcher unpacks and names in the framework property {@value #WORKER_CLASSPATH_PROPERTY}; without them (tests,
 * another launcher) or where libavformat cannot load (another CPU architecture), ffprobe reads everything. The log
 * says which is used.
 *
 * <p>A configuration change replaces the prober in place, without re-registering the service; probes already
 * running finish on the old one (so for a moment the old and the new bound both apply).
 */
@Component(service = MediaProber.class, configurationPid = ProbeComponent.PID)
@Designate(ocd = ProbeComponent.Config.class)
public class ProbeComponent implements MediaProber {

    public static final String PID = "org.omnilux.probe";
    /** Framework property: the probe worker's class path (platform path separator), set by the launcher. */
    public static final String WORKER_CLASSPATH_PROPERTY = "omnilux.probe.worker.classpath";
    static final String BACKEND_AUTO = "auto";
    static final String BACKEND_FFPROBE = "ffprobe";

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

        @AttributeDefinition(name = "Backend",
                description = "auto: libavformat in the probe worker process where it can run (about 20 times "
                        + "faster), ffprobe for the files it cannot read; ffprobe: the system ffprobe only.",
                options = {
                        @Option(value = BACKEND_AUTO, label = "libavformat worker, ffprobe fallback"),
                        @Option(value = BACKEND_FFPROBE, label = "ffprobe only") })
        String backend() default BACKEND_AUTO;

        @AttributeDefinition(name = "Probe worker threads",
                description = "Files the probe worker reads at once. 0: the number of processors.", min = "0")
        int workerThreads() default 0;

        @AttributeDefinition(name = "Probe worker idle stop (seconds)",
                description = "The probe worker ends after this long without work and starts again when needed.",
                min = "1")
        int workerIdleSeconds() default 60;
    }

    private final String workerClasspath;
    private final Path javaCppCacheDir;
    private volatile ClosableProber delegate;

    /** For tests: no probe worker, so ffprobe reads everything. */
    ProbeComponent() {
        this(null, null);
    }

    ProbeComponent(String workerClasspath, Path javaCppCacheDir) {
        this.workerClasspath = workerClasspath == null || workerClasspath.isBlank() ? null : workerClasspath;
        this.javaCppCacheDir = javaCppCacheDir != null ? javaCppCacheDir
                : Path.of(System.getProperty("java.io.tmpdir"), "omnilux-javacpp");
    }

    @Activate
    public ProbeComponent(BundleContext context) {
        this(context.getProperty(WORKER_CLASSPATH_PROPERTY), dataDirCache(context.getProperty("omnilux.data.dir")));
    }

    private static Path dataDirCache(String dataDir) {
        return dataDir == null ? null : Path.of(dataDir, "cache", "javacpp");
    }

    @Activate
    @Modified
    void configure(Config config) {
        ClosableProber previous = delegate;
        JaffreeMediaProber reference = create(config);
        String describeReference = "ffprobe " + (reference.executable() == null ? "from the PATH" : reference.executable())
                + ", at most " + reference.maxConcurrentProbes() + " at once, timeout " + reference.timeout().toSeconds()
                + " s";
        boolean fast = !BACKEND_FFPROBE.equalsIgnoreCase(String.valueOf(config.backend()).trim());
        if (fast && workerClasspath != null) {
            int threads = config.workerThreads() > 0 ? config.workerThreads()
                    : Math.max(1, Runtime.getRuntime().availableProcessors());
            delegate = new LibavMediaProber(reference,
                    Arrays.stream(workerClasspath.split(File.pathSeparator)).map(Path::of).toList(), javaCppCacheDir,
                    threads, reference.timeout(), Duration.ofSeconds(Math.max(1, config.workerIdleSeconds())));
            LOG.info("Media probing: libavformat in the probe worker ({} threads, started at the first probe); {} for "
                    + "what it cannot read", threads, describeReference);
        } else {
            delegate = reference;
            LOG.info("Media probing: {}{}", describeReference, !fast ? " (configured)"
                    : " (the probe worker is not installed: no " + WORKER_CLASSPATH_PROPERTY + ")");
        }
        if (previous != null) {
            previous.close();
        }
    }

    /** @return the prober in use (for tests) */
    MediaProber delegate() {
        return delegate;
    }

    @Deactivate
    void deactivate() {
        ClosableProber previous = delegate;
        delegate = null;
        if (previous != null) {
            previous.close();
        }
    }

    @Override
    public ProbeResult probe(Path file) throws ProbeException {
        MediaProber prober = delegate;
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
