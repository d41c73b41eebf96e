package org.omnilux.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
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
 * parallel collector (unless a collector was chosen) and the client compiler only (unless a compiler option was
 * given), on Linux with thread priorities honoured ({@link #PRIORITY_OPTIONS}, unless a priority policy was given),
 * its other JVM options and arguments unchanged, and waits for it: a signal to this process stops the child
 * cleanly first; should this process be killed, the child halts at once, as if it had been killed with it. An explicit
 * heap option ({@code -Xmx}, {@code -XX:MaxRAMPercentage}…) or {@code OMNILUX_MAX_HEAP=0} runs the server in this
 * JVM, as given.
 */
final class HeapLimit {

    static final String DEFAULT = "256m";
    /** Set on the child: the launcher's pid. */
    static final String PARENT_PROPERTY = "omnilux.launcher.pid";
    private static final Pattern SIZE = Pattern.compile("\\d+[kKmMgG]?");
    /**
     * A JVM on Linux ignores Java thread priorities unless told otherwise; the server runs its scan pool at the
     * lowest one (ScanServiceImpl), so that the scan's writer and the server's requests go first on busy cores.
     * Lowering a thread's priority needs no privilege: the lowest Java priority becomes nice 10. The higher ones
     * stay at nice 0, as they must for a user who is not root: the same server whoever runs it.
     */
    static final List<String> PRIORITY_OPTIONS = List.of("-XX:ThreadPriorityPolicy=1",
            "-XX:JavaPriority1_To_OSPriority=10", "-XX:JavaPriority6_To_OSPriority=0",
            "-XX:JavaPriority7_To_OSPriority=0", "-XX:JavaPriority8_To_OSPriority=0",
            "-XX:JavaPriority9_To_OSPriority=0", "-XX:JavaPriority10_To_OSPriority=0");
    /**
     * What the JVM tells a user other than root about {@link #PRIORITY_OPTIONS} at every start, although the
     * server only lowers priorities; the launcher leaves this line out of the server's error output.
     */
    static final String PRIORITY_WARNING = "-XX:ThreadPriorityPolicy=1 may require system level permission";

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
        List<String> command = childCommand(limit, jvmOptions, args);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        boolean priorities = command.containsAll(PRIORITY_OPTIONS);
        if (priorities) {
            builder.redirectError(ProcessBuilder.Redirect.PIPE);
        }
        Process server = builder.start();
        Thread errors = priorities ? copyErrors(server) : null;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(server);
            awaitCopied(errors);
        }, "omnilux-launcher-stop"));
        int status = server.waitFor();
        awaitCopied(errors);
        System.exit(status);
    }

    /** Copies the server's error output to ours, without the JVM's {@link #PRIORITY_WARNING}. */
    private static Thread copyErrors(Process server) {
        Thread copier = new Thread(() -> copyWithout(server.getErrorStream(), System.err, PRIORITY_WARNING),
                "omnilux-launcher-stderr");
        copier.setDaemon(true);
        copier.start();
        return copier;
    }

    /** Copies {@code in} to {@code out} line by line, without the lines that contain {@code dropped}. */
    static void copyWithout(InputStream in, PrintStream out, String dropped) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.contains(dropped)) {
                    out.println(line);
                }
            }
        } catch (IOException e) {
            // the server is gone: nothing more to copy
        }
        out.flush();
    }

    /** The server's last error lines reach the console before the launcher ends. */
    private static void awaitCopied(Thread copier) {
        if (copier != null) {
            try {
                copier.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static boolean hasHeapOption(List<String> jvmOptions) {
        // -XX:MaxRAM also covers MaxRAMPercentage and MaxRAMFraction
        return jvmOptions.stream().anyMatch(o -> o.startsWith("-Xmx") || o.startsWith("-XX:MaxHeapSize")
                || o.startsWith("-XX:MaxRAM"));
    }

    static List<String> childCommand(String limit, List<String> jvmOptions, String[] args)
            throws URISyntaxException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + limit);
        if (jvmOptions.stream().noneMatch(o -> o.startsWith("-XX:+Use") && o.endsWith("GC"))) {
            // not G1, whose bookkeeping alone is ~40 MB at this heap size; the parallel collector's is as small as
            // the serial one's, and it collects on every core where the serial one leaves all but one idle: a
            // scan's young collections copy what is in flight (~10 ms each), and a warm music scan of 10 000
            // files read ~5% more files a second with the same peak memory (MusicTagBench)
            cmd.add("-XX:+UseParallelGC");
        }
        if (jvmOptions.stream().noneMatch(o -> o.startsWith("-XX:TieredStopAtLevel")
                || o.endsWith("TieredCompilation"))) {
            // the client compiler only: a scan is a burst, and on a small machine C2 spent more CPU compiling during
            // a first scan of 10 000 files than the scan itself (music: 2.4 ms of CPU per file against 0.95 with C1
            // only; movies: 4.2 against 1.9); C2's code is faster only after several such scans, and 50 MB larger
            cmd.add("-XX:TieredStopAtLevel=1");
        }
        if (System.getProperty("os.name").startsWith("Linux")
                && jvmOptions.stream().noneMatch(o -> o.startsWith("-XX:ThreadPriorityPolicy"))) {
            cmd.addAll(PRIORITY_OPTIONS);
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
