package org.omnilux.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Starts OmniLux: an embedded Felix framework with the system bundles shipped inside this jar (under
 * {@code system/<start level>/}), FileInstall watching the bundles folder for plugins and the config folder for
 * {@code *.cfg} files. Runs in the foreground until SIGTERM or Ctrl-C, then stops the framework cleanly.
 */
public final class Launcher {

    /** The start level FileInstall gives to plugins: after the core (2) and the REST API (4) are up. */
    static final int PLUGIN_START_LEVEL = 5;

    private static final Pattern SYSTEM_BUNDLE_ENTRY = Pattern.compile("system/(\\d+)/([^/]+\\.jar)");

    private static volatile boolean shuttingDown;

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        long startNanos = System.nanoTime();
        HeapLimit.relaunchIfUnbounded(args, System.getenv());
        Settings settings;
        try {
            settings = Settings.load(System.getenv());
        } catch (RuntimeException e) {
            System.err.println("omnilux: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path logDir = settings.dataDir().resolve("logs");
        Files.createDirectories(logDir);
        Files.createDirectories(settings.bundlesDir());
        // read by logback.xml; set before the first logger is created
        System.setProperty("omnilux.log.dir", logDir.toString());
        // a server has no display (PDF covers are rendered with java.awt), and libraries that cache (PDFBox's
        // font cache) write into the data folder, not the home of whoever runs the server
        System.setProperty("java.awt.headless", "true");
        System.setProperty("pdfbox.fontcache", settings.dataDir().resolve("cache").toString());
        Path logConfig = settings.configDir().resolve("logback.xml");
        if (Files.isRegularFile(logConfig)) {
            System.setProperty("logback.configurationFile", logConfig.toString());
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Logger log = LoggerFactory.getLogger(Launcher.class);
        String conflict = claimDataDirAndPort(settings);
        if (conflict != null) {
            // fail at once rather than run on without HTTP or with a database another process holds
            log.error("OmniLux cannot start: {}", conflict);
            System.exit(1);
            return;
        }
        log.info("Starting OmniLux: http://{}:{}/ data={} bundles={} config={}", settings.host(), settings.port(),
                settings.dataDir(), settings.bundlesDir(), settings.configDir());

        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"))
                .newFramework(asStringMap(frameworkProperties(settings)));
        framework.init();
        installSystemBundles(framework.getBundleContext(), log);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(framework, log), "omnilux-shutdown"));
        framework.start();
        warnAboutInactiveBundles(framework.getBundleContext(), log);
        log.info("OmniLux framework started in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));

        FrameworkEvent event = framework.waitForStop(0);
        if (!shuttingDown) {
            // stopped from inside (e.g. the system bundle was stopped), not by a signal
            log.info("OmniLux stopped ({})", event.getType() == FrameworkEvent.STOPPED ? "clean" : "event " + event.getType());
            System.exit(0);
        }
    }

    /** Held for the life of the process: one server per data folder. */
    private static FileChannel dataDirLock;

    /**
     * Locks the data folder (released by the OS when the process ends, however it ends) and checks that the
     * port is free.
     *
     * @return what stands in the way, or {@code null}
     */
    static String claimDataDirAndPort(Settings settings) throws IOException {
        Path lockFile = settings.dataDir().resolve(".lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        // a server that was just killed may still be going away (its launcher's child ends a moment later)
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (channel.tryLock() == null) {
            if (System.nanoTime() - until > 0) {
                channel.close();
                return "another OmniLux server is using the data folder " + settings.dataDir();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                channel.close();
                return "interrupted while waiting for the data folder " + settings.dataDir();
            }
        }
        dataDirLock = channel;
        if (settings.port() != 0) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(settings.host(), settings.port()));
            } catch (IOException e) {
                return "cannot listen on " + settings.host() + ":" + settings.port() + " (" + e.getMessage()
                        + "): is another server using it? Set OMNILUX_PORT to another port";
            }
        }
        return null;
    }

    static Map<String, Object> frameworkProperties(Settings settings) {
        Map<String, Object> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, settings.dataDir().resolve("felix-cache").toString());
        // Installed bundles are re-installed from this jar and the bundles folder at every start: a plugin
        // deleted while the server was down is gone, and an upgraded jar never meets its stale cache.
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, String.valueOf(PLUGIN_START_LEVEL));
        // the launcher's SLF4J is the one every bundle logs through
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, String.join(",",
                "org.slf4j;version=2.0.17", "org.slf4j.spi;version=2.0.17", "org.slf4j.event;version=2.0.17",
                "org.slf4j.helpers;version=2.0.17"));
        props.put("felix.log.logger", new FelixLogger());

        props.put("org.osgi.service.http.port", String.valueOf(settings.port()));
        props.put("org.apache.felix.http.host", settings.host());
        props.put("org.apache.felix.http.jetty.sendServerHeader", "false");
        // Let encoded separators and dot segments reach the API, which answers them with problem JSON (the
        // artwork store only serves names it issued); Jetty's strict mode would answer an HTML 400 itself.
        props.put("org.eclipse.jetty.UriComplianceMode", "LEGACY");

        // one watcher per folder: plugin jars from the bundles folder, *.cfg (named by PID) from the config folder
        props.put("felix.fileinstall.dir", settings.bundlesDir() + "," + settings.configDir());
        props.put("felix.fileinstall.filter", ".*\\.(jar|cfg)");
        props.put("felix.fileinstall.poll", "1000");
        props.put("felix.fileinstall.noInitialDelay", "true");
        props.put("felix.fileinstall.start.level", String.valueOf(PLUGIN_START_LEVEL));
        props.put("felix.fileinstall.bundles.new.start", "true");
        props.put("felix.fileinstall.enableConfigSave", "false");
        props.put("felix.fileinstall.optionalImportRefreshScope", "managed");
        props.put("felix.fileinstall.log.default", "jul");
        props.put("felix.fileinstall.log.level", "3");

        props.put("omnilux.data.dir", settings.dataDir().toString());
        props.put("omnilux.bundles.dir", settings.bundlesDir().toString());
        props.put("omnilux.config.dir", settings.configDir().toString());
        try {
            String probeWorker = ProbeWorkerFiles.unpack(settings.dataDir());
            if (probeWorker != null) {
                props.put("omnilux.probe.worker.classpath", probeWorker);
            }
        } catch (IOException e) {
            // the core then probes with ffprobe only, and says so
            LoggerFactory.getLogger(Launcher.class).warn("The probe worker could not be unpacked: {}", e.toString());
        }
        if (settings.adminPassword() != null) {
            props.put("omnilux.admin.password", settings.adminPassword());
        }
        return props;
    }

    /**
     * The launch API types the map as String to String, but Felix takes objects too: {@code felix.log.logger}
     * must be a logger instance.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, String> asStringMap(Map<String, Object> props) {
        return (Map) props;
    }

    /** Installs every {@code system/<level>/*.jar} of this jar (or class folder) at its start level. */
    static List<Bundle> installSystemBundles(BundleContext context, Logger log) throws IOException, BundleException {
        List<SystemBundle> found = findSystemBundles();
        if (found.isEmpty()) {
            throw new IllegalStateException("no system bundles found: was omnilux.jar built by Maven?");
        }
        List<Bundle> installed = new ArrayList<>();
        for (SystemBundle systemBundle : found) {
            Bundle bundle;
            try (InputStream in = systemBundle.open()) {
                bundle = context.installBundle("omnilux:" + systemBundle.name(), in);
            }
            bundle.adapt(BundleStartLevel.class).setStartLevel(systemBundle.startLevel());
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
            installed.add(bundle);
        }
        log.info("Installed {} system bundles", installed.size());
        return installed;
    }

    private static List<SystemBundle> findSystemBundles() throws IOException {
        Path codeSource;
        try {
            codeSource = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        List<SystemBundle> result = new ArrayList<>();
        if (Files.isDirectory(codeSource)) {
            Path system = codeSource.resolve("system");
            if (Files.isDirectory(system)) {
                try (Stream<Path> files = Files.walk(system)) {
                    files.filter(Files::isRegularFile).forEach(file -> {
                        String name = codeSource.relativize(file).toString().replace('\\', '/');
                        addIfSystemBundle(result, name, () -> Files.newInputStream(file));
                    });
                }
            }
        } else {
            try (JarFile jar = new JarFile(codeSource.toFile())) {
                for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                    addIfSystemBundle(result, entry.getName(), () -> {
                        JarFile own = new JarFile(codeSource.toFile());
                        return new java.io.FilterInputStream(own.getInputStream(own.getEntry(entry.getName()))) {
                            @Override
                            public void close() throws IOException {
                                super.close();
                                own.close();
                            }
                        };
                    });
                }
            }
        }
        // within a level, the order of the pom's lists is lost in a jar: sort for a stable install order
        result.sort(Comparator.comparingInt(SystemBundle::startLevel).thenComparing(SystemBundle::name));
        return result;
    }

    private static void addIfSystemBundle(List<SystemBundle> result, String name, Opener opener) {
        Matcher matcher = SYSTEM_BUNDLE_ENTRY.matcher(name);
        if (matcher.matches()) {
            result.add(new SystemBundle(name, Integer.parseInt(matcher.group(1)), opener));
        }
    }

    /** A system bundle that did not start is a broken installation: say which, loudly. */
    private static void warnAboutInactiveBundles(BundleContext context, Logger log) {
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (bundle.getLocation().startsWith("omnilux:") && !fragment && bundle.getState() != Bundle.ACTIVE) {
                log.error("System bundle {} {} is not active (state {})", bundle.getSymbolicName(),
                        bundle.getVersion(), bundle.getState());
            }
        }
    }

    /** SIGTERM / Ctrl-C: stop every bundle (scans end, the database closes), then flush the log. */
    private static void stop(Framework framework, Logger log) {
        shuttingDown = true;
        if (framework.getState() == Bundle.ACTIVE || framework.getState() == Bundle.STARTING) {
            log.info("Stopping OmniLux");
            try {
                framework.stop();
                FrameworkEvent event = framework.waitForStop(TimeUnit.SECONDS.toMillis(60));
                log.info("OmniLux stopped ({})", event.getType() == FrameworkEvent.STOPPED ? "clean" : "timed out");
            } catch (BundleException | InterruptedException e) {
                log.warn("Unclean stop: {}", e.toString());
            }
        }
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
            logback.stop();
        }
    }

    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    record SystemBundle(String name, int startLevel, Opener opener) {
        InputStream open() throws IOException {
            return opener.open();
        }
    }
}
