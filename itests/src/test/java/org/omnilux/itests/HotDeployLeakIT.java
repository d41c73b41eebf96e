package org.omnilux.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.WeakReference;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.inject.Inject;
import javax.management.ObjectName;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.omnilux.api.library.LibraryService;
import org.omnilux.api.library.PluginInfo;
import org.omnilux.api.library.PluginService;
import org.omnilux.api.library.ScanJob;
import org.omnilux.api.library.ScanService;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * No leak across hot deploys: a scanner bundle is installed, used by a scan, updated while a scan runs (the job
 * loses its scanner), used again and uninstalled, many times over, in the real bundle set; the movie scanner and the
 * music scanner (which embeds a library, jaudiotagger) take turns. Afterwards every class loader the plugins ever had
 * must be collectable (nothing in the core, no thread and no static keeps a plugin object or class), and the thread
 * count, the loaded classes and the used heap must be back near where they were after each plugin's first cycle.
 *
 * <p>Booted like {@link FrameworkIT} (the runtime's system bundles at their start levels, the launcher's framework
 * properties), but without a plugin: the test installs, updates and uninstalls it itself, as FileInstall does
 * (install, start; update; uninstall; refresh after each), so that a cycle costs a fraction of a second instead of
 * FileInstall's polls. When a class loader stays reachable, a heap dump is written to {@code target/} for the cause.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotDeployLeakIT {

    /** Cycles after the first of each plugin, the plugins taking turns. */
    private static final int CYCLES = 20;
    /** Files in each plugin's root, all recognised again by every whole scan. */
    private static final int FILES = 4;
    private static final List<String> TYPES = List.of("movie", "music");
    /** Framework properties {@code <prefix><type>}: the type's scanner jar, and the root holding its files. */
    private static final String SCANNER_JAR_PROPERTY = "omnilux.itest.leak.scannerJar.";
    private static final String MEDIA_PROPERTY = "omnilux.itest.leak.media.";
    private static final String HEAP_DUMP_PROPERTY = "omnilux.itest.leak.heapDump";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    private BundleContext context;

    // ---------------------------------------------------------------------------------------------------------
    // the framework (runs in the test JVM)

    @Configuration
    public Option[] configuration() throws IOException, InterruptedException {
        Path systemDir = requiredPath("omnilux.itest.systemDir");
        Map<String, Path> scannerJars = Map.of("movie", requiredPath("omnilux.itest.scannerJar"),
                "music", requiredPath("omnilux.itest.musicScannerJar"));
        if (!Files.isDirectory(systemDir) || !scannerJars.values().stream().allMatch(Files::isRegularFile)) {
            throw new IllegalStateException("No system bundles at " + systemDir + " or no scanner jar in " + scannerJars
                    + ": build the reactor first (mvn -DskipTests install)");
        }
        // beside FrameworkIT's folder, which its configuration wipes
        Path base = requiredPath("omnilux.itest.workDir");
        Path workDir = base.resolveSibling(base.getFileName() + "-leak");
        deleteRecursively(workDir);
        Path dataDir = Files.createDirectories(workDir.resolve("data"));
        Path bundlesDir = Files.createDirectories(workDir.resolve("bundles"));
        Path configDir = Files.createDirectories(workDir.resolve("config"));
        Path video = workDir.resolve("source.mkv");
        ffmpeg("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=1", "-c:v", "libx264", "-preset",
                "ultrafast", "-pix_fmt", "yuv420p", video.toString());
        Path song = workDir.resolve("source.mp3");
        ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-metadata", "artist=Artist", "-metadata",
                "title=Song", song.toString());
        Map<String, Path> media = Map.of("movie", workDir.resolve("media/movies"), "music",
                workDir.resolve("media/music"));
        for (int i = 1; i <= FILES; i++) {
            Path movie = Files.createDirectories(media.get("movie").resolve("Movie " + i + " (200" + i + ")"));
            Files.createLink(movie.resolve(movie.getFileName() + ".mkv"), video);
            Path album = Files.createDirectories(media.get("music").resolve("Artist/Album"));
            Files.createLink(album.resolve("0" + i + " - Song " + i + ".mp3"), song);
        }

        List<Option> options = new ArrayList<>();
        try (Stream<Path> levels = Files.list(systemDir)) {
            for (Path levelDir : levels.filter(d -> d.getFileName().toString().matches("\\d+"))
                    .sorted(Comparator.comparingInt(d -> Integer.parseInt(d.getFileName().toString())))
                    .collect(Collectors.toList())) {
                int level = Integer.parseInt(levelDir.getFileName().toString());
                try (Stream<Path> jars = Files.list(levelDir)) {
                    for (Path jar : jars.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted()
                            .collect(Collectors.toList())) {
                        options.add(bundle(jar.toUri().toString()).startLevel(level).start(!isFragment(jar)));
                    }
                }
            }
        }
        options.add(junitBundles());
        // the bundles log through the test JVM's slf4j, exported by the system bundle (see FrameworkIT)
        options.add(systemPackages(
                "org.slf4j;version=2.0.17", "org.slf4j.spi;version=2.0.17", "org.slf4j.event;version=2.0.17",
                "org.slf4j.helpers;version=2.0.17", "org.slf4j;version=1.7.36"));

        Map<String, String> props = new LinkedHashMap<>();
        props.put("org.osgi.service.http.port", String.valueOf(freePort()));
        props.put("org.apache.felix.http.host", "127.0.0.1");
        props.put("felix.fileinstall.dir", bundlesDir + "," + configDir);
        props.put("felix.fileinstall.filter", ".*\\.(jar|cfg)");
        props.put("felix.fileinstall.poll", "1000");
        props.put("felix.fileinstall.noInitialDelay", "true");
        props.put("felix.fileinstall.enableConfigSave", "false");
        props.put("omnilux.data.dir", dataDir.toString());
        props.put("omnilux.bundles.dir", bundlesDir.toString());
        props.put("omnilux.config.dir", configDir.toString());
        props.put("omnilux.admin.password", "itest-Admin-Passw0rd");
        for (String type : TYPES) {
            props.put(SCANNER_JAR_PROPERTY + type, scannerJars.get(type).toString());
            props.put(MEDIA_PROPERTY + type, media.get(type).toString());
        }
        props.put(HEAP_DUMP_PROPERTY, workDir.resolve("leak.hprof").toString());
        props.forEach((key, value) -> options.add(frameworkProperty(key).value(value)));
        return options.toArray(new Option[0]);
    }

    private static Path requiredPath(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("System property " + property + " is not set: run this test through "
                    + "Maven (mvn -pl itests verify) after building the reactor");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    private static boolean isFragment(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null
                    && file.getManifest().getMainAttributes().getValue(Constants.FRAGMENT_HOST) != null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void ffmpeg(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-y", "-hide_banner", "-loglevel", "error"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + command + "\n" + output);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // the test (runs inside the framework)

    @Test
    public void pluginClassLoadersThreadsAndHeapDoNotOutliveManyInstallUpdateUninstallCycles() throws Exception {
        LibraryService library = service(LibraryService.class);
        ScanService scans = service(ScanService.class);
        PluginService plugins = service(PluginService.class);
        Map<String, Long> roots = new LinkedHashMap<>();
        Map<String, byte[]> jars = new LinkedHashMap<>();
        for (String type : TYPES) {
            jars.put(type, Files.readAllBytes(Path.of(context.getProperty(SCANNER_JAR_PROPERTY + type))));
        }
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();

        // the first cycle of each plugin loads the core's classes and starts its pools: the level to come back to
        // is after them
        for (String type : TYPES) {
            cycle(0, type, jars.get(type), library, scans, plugins, roots, loaders);
        }
        Level before = Level.measure();
        long start = System.nanoTime();
        for (int i = 1; i <= CYCLES; i++) {
            String type = TYPES.get(i % TYPES.size());
            cycle(i, type, jars.get(type), library, scans, plugins, roots, loaders);
        }
        long cyclesMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        int left = awaitCollected(loaders, WAIT);
        Level after = Level.measure();
        System.out.printf("[measure] %d install/update/uninstall cycles with scans in %d ms; plugin class loaders "
                + "still reachable: %d of %d; threads %d -> %d; loaded classes %d -> %d; used heap %d -> %d MB%n",
                CYCLES, cyclesMs, left, loaders.size(), before.threads, after.threads, before.classes, after.classes,
                before.heap >> 20, after.heap >> 20);
        if (left > 0) {
            dumpHeap(context.getProperty(HEAP_DUMP_PROPERTY));
        }
        assertEquals(left + " of the plugins' " + loaders.size() + " class loaders are still reachable after "
                + WAIT.toSeconds() + " s of GC (heap dump: " + context.getProperty(HEAP_DUMP_PROPERTY) + ")", 0, left);
        // a leak of one thread, one plugin's classes or its objects per cycle would show CYCLES times over
        assertTrue("threads " + before.threads + " -> " + after.threads, after.threads <= before.threads + 5);
        assertTrue("loaded classes " + before.classes + " -> " + after.classes, after.classes <= before.classes + 100);
        assertTrue("used heap after GC " + (before.heap >> 20) + " -> " + (after.heap >> 20) + " MB",
                after.heap <= before.heap + (32L << 20));
    }

    /**
     * One plugin's life: installed and started, used by a scan that is still running when the plugin is updated
     * (that job loses its scanner), used by a whole scan after the update, then uninstalled. Refreshed after each
     * change, as FileInstall does. The type's root is added in its first cycle.
     */
    private void cycle(int i, String type, byte[] jar, LibraryService library, ScanService scans,
            PluginService plugins, Map<String, Long> roots, List<WeakReference<ClassLoader>> loaders)
            throws Exception {
        Path media = Path.of(context.getProperty(MEDIA_PROPERTY + type));
        Bundle bundle = context.installBundle("omnilux-itest:leak-" + type + "/" + i, new ByteArrayInputStream(jar));
        bundle.start();
        awaitPlugin(plugins, type, true);
        loaders.add(new WeakReference<>(bundle.adapt(BundleWiring.class).getClassLoader()));
        if (!roots.containsKey(type)) {
            roots.put(type, addRoot(library, media, type));
        }
        long root = roots.get(type);

        touch(media);
        long interrupted = scans.start(root).jobId();
        bundle.update(new ByteArrayInputStream(jar));
        refresh(bundle);
        awaitEnd(scans, interrupted);
        awaitPlugin(plugins, type, true);
        loaders.add(new WeakReference<>(bundle.adapt(BundleWiring.class).getClassLoader()));

        touch(media);
        ScanJob whole = awaitEnd(scans, scans.start(root).jobId());
        assertEquals(type + " cycle " + i + ": " + whole, ScanJob.COMPLETED, whole.status());
        assertEquals(type + " cycle " + i + ": every file recognised again: " + whole, FILES,
                whole.filesUpdated() + whole.filesAdded());

        bundle.uninstall();
        refresh(bundle);
        awaitPlugin(plugins, type, false);
    }

    /** A new modification time for every file: the next scan recognises them all again, through the plugin. */
    private static void touch(Path media) throws IOException {
        FileTime now = FileTime.fromMillis(System.currentTimeMillis() + 1000);
        try (Stream<Path> files = Files.walk(media)) {
            for (Path f : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                Files.setLastModifiedTime(f, now);
            }
        }
    }

    private long addRoot(LibraryService library, Path media, String type) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                return library.addRoot(media.toString(), type, type).id();
            } catch (RuntimeException databaseNotReadyYet) {
                if (System.nanoTime() > deadline) {
                    throw databaseNotReadyYet;
                }
                Thread.sleep(250);
            }
        }
    }

    private static ScanJob awaitEnd(ScanService scans, long jobId) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        ScanJob job = scans.job(jobId);
        while (ScanJob.RUNNING.equals(job.status())) {
            assertTrue("scan job still running: " + job, System.nanoTime() < deadline);
            Thread.sleep(20);
            job = scans.job(jobId);
        }
        return job;
    }

    private static void awaitPlugin(PluginService plugins, String type, boolean active) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            boolean found = false;
            for (PluginInfo p : plugins.plugins()) {
                found |= p.mediaTypes().contains(type) && "active".equals(p.state());
            }
            if (found == active) {
                return;
            }
            assertTrue("the " + type + " scanner is " + (active ? "not" : "still") + " active: " + plugins.plugins(),
                    System.nanoTime() < deadline);
            Thread.sleep(10);
        }
    }

    /** Refreshes the bundle and waits until the framework is done: the old revision is then let go. */
    private void refresh(Bundle bundle) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class)
                .refreshBundles(List.of(bundle), event -> {
                    if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                        done.countDown();
                    }
                });
        assertTrue("refresh of " + bundle + " did not end", done.await(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(WAIT.toMillis());
        assertNotNull("no " + type.getSimpleName() + " within " + WAIT.toSeconds() + " s", service);
        return service;
    }

    /** Collects until every class loader is gone or the time is up; returns how many are still reachable. */
    private static int awaitCollected(List<WeakReference<ClassLoader>> loaders, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int left;
        do {
            System.gc();
            Thread.sleep(100);
            left = (int) loaders.stream().filter(r -> r.get() != null).count();
        } while (left > 0 && System.nanoTime() < deadline);
        return left;
    }

    /** Through JMX: the probe bundle cannot see {@code com.sun.management}. */
    private static void dumpHeap(String file) {
        try {
            Files.deleteIfExists(Path.of(file));
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=HotSpotDiagnostic"),
                    "dumpHeap", new Object[] {file, true}, new String[] {String.class.getName(), boolean.class.getName()});
        } catch (Exception e) {
            System.out.println("HotDeployLeakIT: no heap dump: " + e);
        }
    }

    /** Threads, loaded classes and used heap, after a full collection. */
    private record Level(int threads, int classes, long heap) {
        static Level measure() throws InterruptedException {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(100);
            }
            return new Level(ManagementFactory.getThreadMXBean().getThreadCount(),
                    ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(),
                    memory.getHeapMemoryUsage().getUsed());
        }
    }
}
