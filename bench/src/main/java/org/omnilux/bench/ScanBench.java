package org.omnilux.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The scan-engine benchmark of the "Scan engine / Performance" issue, in one run:
 * <ol>
 * <li>initial scan throughput of the real server (fresh data folder, movie scanner installed) over
 * {@code --scan-files} hard-linked movies, against the floor {@code find | xargs -0 -P<cores> -n1 ffprobe} over
 * the same files (target: ≥ 0.8× the floor), with the server's peak resident memory;</li>
 * <li>a no-change rescan of {@code --rescan-files} movies against a plain {@code Files.walkFileTree} reading size
 * and mtime (target: ≤ 2× the walk). The big library is first scanned once with a stub ffprobe that prints a
 * canned answer ({@code --big-probe real} probes for real, which takes hours at 100 000 files); the server's peak
 * resident memory during that big scan and the rescans is the memory figure (target: ≤ 512 MB).</li>
 * </ol>
 * Every measurement runs {@code --runs} times (default 2), floor and server alternating, and all runs are printed.
 */
public final class ScanBench {

    private ScanBench() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Path repo = args.repo();
        Path work = args.work();
        int scanFiles = args.getInt("scan-files", 10_000);
        int rescanFiles = args.getInt("rescan-files", 100_000);
        int cores = args.getInt("threads", Runtime.getRuntime().availableProcessors());
        int runs = args.getInt("runs", 2);
        Set<String> skip = Set.of(args.get("skip", "").split(","));
        // the heap the launcher gives the server by default (OMNILUX_MAX_HEAP), given explicitly so that the
        // measured process is the server itself rather than the launcher that would start it as a child
        String serverJvmArgs = args.get("server-jvm-args", String.join(" ", Server.LAUNCHER_DEFAULTS));
        List<String> jvmArgs = serverJvmArgs.isBlank() ? List.of() : List.of(serverJvmArgs.trim().split("\\s+"));
        Map<String, String> configs = new LinkedHashMap<>();
        if (args.getInt("pool", -1) >= 0) {
            configs.put("org.omnilux.scan.cfg", "poolSize=" + args.getInt("pool", 0) + "\n");
        }
        String probeCfg = (args.getInt("probes", -1) >= 0 ? "maxConcurrentProbes=" + args.getInt("probes", 0) + "\n"
                : "") + "backend=" + args.get("backend", "auto") + "\n";
        if (!probeCfg.isEmpty()) {
            configs.put("org.omnilux.probe.cfg", probeCfg);
        }

        System.out.printf(Locale.ROOT, "OmniLux scan benchmark: repo %s, %d cores, server JVM args %s, configs %s%n",
                repo, cores, jvmArgs, configs);
        List<Path> sources = Library.sources(work);
        List<String> report = new ArrayList<>();

        // ---- 1. initial scan vs the xargs floor
        if (!skip.contains("scan")) {
            Path lib = work.resolve("lib-" + scanFiles);
            Library.build(lib, scanFiles, sources);
            double[] floor = new double[runs];
            double[] server = new double[runs];
            double[] rss = new double[runs];
            double[] rssAll = new double[runs];
            double[] jvmCpu = new double[runs];
            double[] childCpu = new double[runs];
            for (int run = 0; run < runs; run++) {
                if (!skip.contains("floor")) {
                    floor[run] = ProbeBench.xargs(lib, scanFiles, cores);
                    System.out.printf(Locale.ROOT, "  floor run %d: %.1f files/s%n", run + 1, floor[run]);
                }
                try (Server s = Server.start(repo, work.resolve("server-scan"), jvmArgs, configs)) {
                    long root = s.addRoot(lib);
                    Server.Scan scan;
                    double[] cpu0 = RssSampler.cpuSeconds(s.pid());
                    double liveChildren;
                    try (RssSampler sampler = new RssSampler(s.pid())) {
                        scan = s.scan(root);
                        rss[run] = sampler.peakMb();
                        rssAll[run] = sampler.peakWithChildrenMb();
                        liveChildren = sampler.liveChildrenCpuSeconds();
                    }
                    double[] cpu1 = RssSampler.cpuSeconds(s.pid());
                    jvmCpu[run] = (cpu1[0] - cpu0[0]) * 1000 / scanFiles;
                    childCpu[run] = (cpu1[1] - cpu0[1] + liveChildren) * 1000 / scanFiles;
                    check(scan, scanFiles, scanFiles);
                    server[run] = scanFiles / scan.serverSeconds();
                    System.out.printf(Locale.ROOT, "  server initial scan run %d: %.1f files/s (%.1f s; %s), peak RSS %.0f MB"
                            + " (%.0f MB with its probe processes), CPU per file: server JVM %.1f ms, probe processes %.1f ms%n",
                            run + 1, server[run], scan.serverSeconds(), scan.summary(), rss[run], rssAll[run],
                            jvmCpu[run], childCpu[run]);
                }
            }
            report.add(String.format(Locale.ROOT, "Initial scan of %,d hard-linked movies (%d cores)", scanFiles, cores));
            report.add(row("floor: xargs -P" + cores + " ffprobe", floor, "%8.1f f/s", ""));
            report.add(row("server initial scan", server, "%8.1f f/s", ""));
            report.add(row("ratio server / floor", ratio(server, floor), "%8.2f x  ", ">= 0.80 x"));
            report.add(row("server peak RSS (sampled)", rss, "%8.0f MB ", "<= 512 MB"));
            report.add(row("  + its probe processes", rssAll, "%8.0f MB ", ""));
            report.add(row("CPU/file: server JVM", jvmCpu, "%8.1f ms ", ""));
            report.add(row("CPU/file: probe processes", childCpu, "%8.1f ms ", ""));
        }

        // ---- 2. no-change rescan vs a plain walk, and memory during the big scan
        if (!skip.contains("rescan")) {
            Path lib = work.resolve("lib-" + rescanFiles);
            Library.build(lib, rescanFiles, sources);
            Map<String, String> bigConfigs = new LinkedHashMap<>(configs);
            boolean stub = !args.get("big-probe", "stub").equals("real");
            if (stub) {
                Path bin = Files.createDirectories(work.resolve("stub-ffprobe"));
                Path canned = bin.resolve("answer.json");
                Files.writeString(canned, Library.Proc.run(List.of("ffprobe", "-v", "error", "-show_format",
                        "-show_streams", "-show_chapters", "-of", "json", "-i", sources.get(0).toString()), 60));
                Path script = bin.resolve("ffprobe");
                Files.writeString(script, "#!/bin/sh\nexec cat '" + canned + "'\n");
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
                // the stub stands in for ffprobe: the fast backend (which reads the files itself) is off here
                bigConfigs.put("org.omnilux.probe.cfg", probeCfg.replaceAll("backend=\\S*\n", "")
                        + "backend=ffprobe\nffprobePath=" + bin + "\n");
            }
            double[] walk = new double[runs];
            double[] rescan = new double[runs];
            double[] rescanRss = new double[runs];
            double populateRate;
            double populateRss;
            double highWater;
            try (Server s = Server.start(repo, work.resolve("server-rescan"), jvmArgs, bigConfigs)) {
                long root = s.addRoot(lib);
                Server.Scan first;
                try (RssSampler sampler = new RssSampler(s.pid())) {
                    first = s.scan(root);
                    populateRss = sampler.peakMb();
                }
                check(first, rescanFiles, rescanFiles);
                populateRate = rescanFiles / first.serverSeconds();
                System.out.printf(Locale.ROOT, "  big initial scan (%s ffprobe): %.1f files/s (%.1f s; %s), peak RSS %.0f MB%n",
                        stub ? "stub" : "real", populateRate, first.serverSeconds(), first.summary(), populateRss);
                Library.walk(lib); // warm-up: the walk and the rescans all find the directories in the cache
                for (int run = 0; run < runs; run++) {
                    long t0 = System.nanoTime();
                    long n = Library.walk(lib);
                    walk[run] = (System.nanoTime() - t0) / 1e9;
                    System.out.printf(Locale.ROOT, "  walk run %d: %.2f s (%,d entries)%n", run + 1, walk[run], n);
                    try (RssSampler sampler = new RssSampler(s.pid())) {
                        Server.Scan again = s.scan(root);
                        rescanRss[run] = sampler.peakMb();
                        check(again, rescanFiles, 0);
                        rescan[run] = again.serverSeconds();
                        System.out.printf(Locale.ROOT, "  server rescan run %d: %.2f s (client %.2f s; %s), peak RSS %.0f MB%n",
                                run + 1, rescan[run], again.clientSeconds(), again.summary(), rescanRss[run]);
                    }
                }
                highWater = RssSampler.highWaterMb(s.pid());
            }
            report.add(String.format(Locale.ROOT, "No-change rescan of %,d hard-linked movies", rescanFiles));
            report.add(row("Java walk (size + mtime)", walk, "%8.2f s  ", ""));
            report.add(row("server rescan", rescan, "%8.2f s  ", ""));
            report.add(row("ratio rescan / walk", ratio(rescan, walk), "%8.2f x  ", "<= 2.00 x"));
            report.add(row("server peak RSS (sampled)", rescanRss, "%8.0f MB ", "<= 512 MB"));
            report.add(String.format(Locale.ROOT, "Big initial scan of %,d movies (%s ffprobe)", rescanFiles,
                    stub ? "stub" : "real"));
            report.add(row("throughput", new double[] {populateRate}, "%8.1f f/s", ""));
            report.add(row("server peak RSS (sampled)", new double[] {populateRss}, "%8.0f MB ", "<= 512 MB"));
            report.add(row("server VmHWM (whole life)", new double[] {highWater}, "%8.0f MB ", "<= 512 MB"));
        }

        System.out.println();
        System.out.println("================ results (run 1, run 2, ...) ================");
        report.forEach(System.out::println);
    }

    private static void check(Server.Scan scan, int seen, int added) {
        long failed = scan.job().get("filesFailed").asLong();
        if (scan.seen() != seen || scan.job().get("filesAdded").asLong() != added || failed != 0) {
            System.out.println("  WARNING: unexpected counters: " + scan.summary() + " errors "
                    + scan.job().get("errors"));
        }
    }

    private static double[] ratio(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = b[i] == 0 ? Double.NaN : a[i] / b[i];
        }
        return r;
    }

    private static String row(String label, double[] values, String format, String target) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  %-30s", label));
        for (double v : values) {
            sb.append(Double.isNaN(v) || v == 0 ? "           -  " : String.format(Locale.ROOT, format, v) + "  ");
        }
        if (!target.isEmpty()) {
            sb.append("  target ").append(target);
        }
        return sb.toString();
    }
}
