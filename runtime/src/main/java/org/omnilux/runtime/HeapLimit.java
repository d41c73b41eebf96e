package org.omnilux.runtime;

import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Gives the server a bounded heap when whoever started it gave none. Without {@code -Xmx} the JVM may grow its
 * heap to a quarter of the machine's memory, and a scan's garbage makes it do so (a 100 000-file scan reached
 * ~780 MB resident on a 24 GB machine); a home server shares its machine. So {@code java -jar omnilux.jar} runs
 * the server in a child JVM with {@code -Xmx} from {@code OMNILUX_MAX_HEAP} (default {@value #DEFAULT}) and the
 * serial collector (unless a collector was chosen) and the client compiler only (unless a compiler option was
 * given), its other JVM options and arguments unchanged, and waits for it: a signal to this process stops the child
 * cleanly first; should this process be killed, the child halts at once, as if it had been killed with it. An explicit
 * heap option ({@code -Xmx}, {@code -XX:MaxRAMPercentage}…) or {@code OMNILUX_MAX_HEAP=0} runs the server in this
 * JVM, as given.
 */
final class HeapLimit {

    static final String DEFAULT = "256m";
    /** Set on the child: the launcher's pid. */
    static final String PARENT_PROPERTY = "omnilux.launcher.pid";
    private static final Pattern SIZE = Pattern.compile("\\d+[kKmMgG]?");

    private HeapLimit() {
    }

    /**
     * Either returns (this JVM runs the server) or runs the server in a child JVM and exits with its status.
     */
    static void relaunchIfUnbounded(String[] args, Map<String, String> env) throws Exception {
        if (System.getProperty(PARENT_PROPERTY) != null) {
            haltWithParent();
            return;
        }
        String limit = env.getOrDefault("OMNILUX_MAX_HEAP", DEFAULT).trim();
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (limit.isEmpty() || limit.equals("0") || hasHeapOption(jvmOptions)) {
            return;
        }
        if (!SIZE.matcher(limit).matches()) {
            System.err.println("omnilux: OMNILUX_MAX_HEAP must be a size such as 512m or 1g (or 0 for the JVM's "
                    + "default), got '" + limit + "'");
            System.exit(2);
        }
        Process server = new ProcessBuilder(childCommand(limit, jvmOptions, args)).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "omnilux-launcher-stop"));
        System.exit(server.waitFor());
    }

    static boolean hasHeapOption(List<String> jvmOptions) {
        // -XX:MaxRAM also covers MaxRAMPercentage and MaxRAMFraction
        return jvmOptions.stream().anyMatch(o -> o.startsWith("-Xmx") || o.startsWith("-XX:MaxHeapSize")
                || o.startsWith("-XX:MaxRAM"));
    }

    private static List<String> childCommand(String limit, List<String> jvmOptions, String[] args)
            throws URISyntaxException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + limit);
        if (jvmOptions.stream().noneMatch(o -> o.startsWith("-XX:+Use") && o.endsWith("GC"))) {
            // the JVM's own choice for small machines: G1's bookkeeping alone is ~40 MB at this heap size
            cmd.add("-XX:+UseSerialGC");
        }
        if (jvmOptions.stream().noneMatch(o -> o.startsWith("-XX:TieredStopAtLevel")
                || o.endsWith("TieredCompilation"))) {
            // the client compiler only: a scan is a burst, and on a small machine C2 spent more CPU compiling during
            // a first scan of 10 000 files than the scan itself (music: 2.4 ms of CPU per file against 0.95 with C1
            // only; movies: 4.2 against 1.9); C2's code is faster only after several such scans, and 50 MB larger
            cmd.add("-XX:TieredStopAtLevel=1");
        }
        cmd.addAll(jvmOptions);
        cmd.add("-D" + PARENT_PROPERTY + "=" + ProcessHandle.current().pid());
        Path codeSource = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(codeSource)) {
            cmd.add("-jar");
            cmd.add(codeSource.toString());
        } else {
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(Launcher.class.getName());
        }
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** SIGTERM / Ctrl-C on the launcher: the server stops cleanly (its own shutdown), then the launcher ends. */
    private static void stop(Process server) {
        if (!server.isAlive()) {
            return;
        }
        server.destroy();
        try {
            if (!server.waitFor(90, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
        }
    }

    /** The launcher was killed: end now, as if killed with it, rather than run on with nobody to stop us. */
    private static void haltWithParent() {
        long parentPid = Long.parseLong(System.getProperty(PARENT_PROPERTY));
        ProcessHandle.of(parentPid).ifPresentOrElse(parent -> parent.onExit().thenRun(() -> {
            System.err.println("omnilux: the launcher process " + parentPid + " ended; stopping at once");
            Runtime.getRuntime().halt(1);
        }), () -> Runtime.getRuntime().halt(1));
    }
}
