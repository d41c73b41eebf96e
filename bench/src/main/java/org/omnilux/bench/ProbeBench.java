package org.omnilux.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.omnilux.api.probe.ProbeResult;
import org.omnilux.core.internal.probe.JaffreeMediaProber;

import com.github.kokorin.jaffree.LogLevel;
import com.github.kokorin.jaffree.ffprobe.FFprobe;
import com.github.kokorin.jaffree.ffprobe.FFprobeResult;
import com.github.kokorin.jaffree.ffprobe.data.JsonFormatParser;

/**
 * Where does the time of one probe go? Probes the same hard-linked files with {@code --threads} threads in several
 * ways and prints files/s for each:
 * <ul>
 * <li>{@code xargs}: {@code find | xargs -0 -P<threads> -n1 ffprobe ...} (the floor: no JVM at all);</li>
 * <li>{@code process}: {@code ProcessBuilder} running ffprobe, reading stdout fully, {@code waitFor()};</li>
 * <li>{@code process+parse}: the same, plus parsing the JSON with Jaffree's parser;</li>
 * <li>{@code jaffree}: {@code FFprobe.execute()} straight from Jaffree 2023.09.10;</li>
 * <li>{@code prober}: the core's {@link JaffreeMediaProber} (what the server runs, minus the scan engine).</li>
 * </ul>
 * Run the class in a JVM with {@code -Djdk.lang.Process.launchMechanism=VFORK} to compare the spawn mechanisms.
 */
public final class ProbeBench {

    private ProbeBench() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Path work = args.work();
        int count = args.getInt("files", 300);
        int threads = args.getInt("threads", Runtime.getRuntime().availableProcessors());
        int runs = args.getInt("runs", 2);
        List<String> modes = List.of(args.get("modes", "xargs,process,process+parse,jaffree,prober").split(","));

        List<Path> sources = Library.sources(work);
        Path dir = work.resolve("lib-probe-" + count);
        List<Path> files = Library.build(dir, count, sources);
        System.out.printf(Locale.ROOT, "Probe harness: %,d files, %d threads, launch mechanism %s, %d runs each%n",
                files.size(), threads, System.getProperty("jdk.lang.Process.launchMechanism", "(default)"), runs);

        // warm the page cache and the JIT a little
        measure("warm-up", files.subList(0, Math.min(files.size(), 20)), threads, ProbeBench::process);

        if (args.get("paired", null) != null) {
            paired(List.of(args.get("paired", "").split(",")), files, threads, runs);
            return;
        }
        double floor = 0;
        for (String mode : modes) {
            for (int run = 1; run <= runs; run++) {
                double rate;
                switch (mode.trim()) {
                    case "xargs":
                        rate = xargs(dir, files.size(), threads);
                        floor = Math.max(floor, rate);
                        break;
                    case "process":
                        rate = measure(mode, files, threads, ProbeBench::process);
                        break;
                    case "process+parse":
                        rate = measure(mode, files, threads, f -> new FFprobeResult(
                                new JsonFormatParser().parse(new ByteArrayInputStream(process(f)))).getFormat());
                        break;
                    case "jaffree":
                        rate = measure(mode, files, threads, f -> FFprobe.atPath().setLogLevel(LogLevel.ERROR)
                                .setShowFormat(true).setShowStreams(true).setShowChapters(true).setInput(f)
                                .execute().getFormat());
                        break;
                    case "prober": {
                        JaffreeMediaProber prober = new JaffreeMediaProber(null, threads, Duration.ofSeconds(30));
                        rate = measure(mode, files, threads, f -> {
                            ProbeResult r = prober.probe(f);
                            if (r.video.isEmpty()) {
                                throw new IllegalStateException("no video in " + f);
                            }
                            return r;
                        });
                        break;
                    }
                    default:
                        throw new IllegalArgumentException("unknown mode " + mode);
                }
                System.out.printf(Locale.ROOT, "  %-14s run %d: %7.1f files/s  %6.1f ms/file/thread%s%n", mode, run,
                        rate, 1000.0 * threads / rate,
                        floor > 0 && !mode.equals("xargs") ? String.format(Locale.ROOT, "  %.2fx the floor", rate / floor)
                                : "");
            }
        }
    }

    /** The ways of probing a file, by name (xargs aside). */
    static Probe probe(String mode, int threads) {
        switch (mode.trim()) {
            case "process":
                return ProbeBench::process;
            case "process+parse":
                return f -> new FFprobeResult(new JsonFormatParser().parse(new ByteArrayInputStream(process(f))))
                        .getFormat();
            case "jaffree":
                return f -> FFprobe.atPath().setLogLevel(LogLevel.ERROR).setShowFormat(true).setShowStreams(true)
                        .setShowChapters(true).setInput(f).execute().getFormat();
            case "prober": {
                JaffreeMediaProber prober = new JaffreeMediaProber(null, threads, Duration.ofSeconds(30));
                return prober::probe;
            }
            default:
                throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    /**
     * Robust on a busy machine: each thread takes the modes in turn, file after file, so that every mode sees the
     * same load; prints the mean wall time of one probe per mode and its ratio to the first mode.
     */
    static void paired(List<String> modes, List<Path> files, int threads, int runs) throws Exception {
        List<Probe> probes = new ArrayList<>();
        for (String m : modes) {
            probes.add(probe(m, threads));
        }
        for (int run = 1; run <= runs; run++) {
            long[] nanos = new long[modes.size()];
            int[] counts = new int[modes.size()];
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            AtomicInteger next = new AtomicInteger();
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(() -> {
                        for (int i; (i = next.getAndIncrement()) < files.size();) {
                            int m = i % probes.size();
                            long t0 = System.nanoTime();
                            probes.get(m).probe(files.get(i));
                            long dt = System.nanoTime() - t0;
                            synchronized (nanos) {
                                nanos[m] += dt;
                                counts[m]++;
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            double base = nanos[0] / 1e6 / counts[0];
            for (int m = 0; m < modes.size(); m++) {
                double ms = nanos[m] / 1e6 / counts[m];
                System.out.printf(Locale.ROOT, "  paired run %d  %-14s %7.1f ms/probe (%d probes)  %+6.1f ms vs %s%n", run,
                        modes.get(m), ms, counts[m], ms - base, modes.get(0));
            }
        }
    }

    static byte[] process(Path f) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_format", "-show_streams", "-show_chapters",
                "-of", "json", "-i", f.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        if (p.waitFor() != 0 || out.length == 0) {
            throw new IOException("ffprobe failed on " + f);
        }
        return out;
    }

    interface Probe {
        Object probe(Path file) throws Exception;
    }

    static double measure(String name, List<Path> files, int threads, Probe probe) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < files.size();) {
                        probe.probe(files.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        return files.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** The floor: ffprobe started by xargs, nothing else. */
    static double xargs(Path dir, int count, int threads) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Library.Proc.run(List.of("bash", "-c", "find \"$0\" -type f -name '*.mkv' -print0 | xargs -0 -P" + threads
                + " -n1 ffprobe -v error -show_format -show_streams -of json > /dev/null", dir.toString()), 3600);
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
