package org.omnilux.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.AudioHeader;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.omnilux.api.probe.MediaProber;
import org.omnilux.api.probe.ProbeException;
import org.omnilux.api.scanner.ExternalSubtitle;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanner;
import org.omnilux.api.scanner.ScanContext;
import org.omnilux.scanner.music.internal.MusicScanner;

/**
 * The music benchmark of the "Scanner bundles" issue: tag reading for {@code --files} (default 10 000) hard-linked
 * tagged mp3 and FLAC files through the real scan, against a floor of jaudiotagger reading the same files in a plain
 * loop in this JVM with the same number of threads. Target: the scan ≥ 0.7× the floor in files/s.
 *
 * <p>The floor reads what the music scanner reads of a file: {@code AudioFileIO.read} (tags and audio header), the
 * title, artist, album artist, album, track, track total, disc, year and genre fields, the artwork list and the
 * stream details of the header. It runs on a warm JVM (untimed passes over the library first, until two in a row
 * agree within 5%, three at least), and its figure is the best of three timed passes; the
 * server is started fresh, as a user starts it, with the music scanner in its bundles folder and
 * {@code poolSize=--threads} in {@code org.omnilux.scan.cfg}, and its time is the scan job's own
 * {@code startedAt..finishedAt}, which includes walking the root and storing every file in the database. The floor
 * is measured twice: in this JVM (C2, the default collector), and like for like in a child JVM with the server's own
 * JVM options; both ratios are printed.
 *
 * <p>To tell where the time goes, a third figure runs the music scanner itself ({@code MusicScanner.recognise}) in
 * the same plain loop, outside the server: the floor plus the scanner's own work (names, values, the cover lookup),
 * without the core's walk, probing and database. Scan ≪ scanner loop ≈ floor puts the loss in the core.
 */
public final class MusicTagBench {

    /** Tags as a ripper writes them; the same on every hard link, which is fine for a tag reader. */
    private static final List<String> TAGS = List.of("title=Harder Better Faster Stronger", "artist=Daft Punk",
            "album_artist=Daft Punk", "album=Discovery", "track=4/14", "disc=1/1", "date=2001-03-12",
            "genre=Electronic", "composer=Thomas Bangalter");

    /** Timed passes (or scans) of which the best counts, on each side of a comparison. */
    private static final int BEST_OF = 3;

    /** Held: the log manager keeps loggers weakly, and a collected one forgets that it was turned off. */
    private static final Logger JAUDIOTAGGER_LOG = Logger.getLogger("org.jaudiotagger");

    private MusicTagBench() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Path repo = args.repo();
        Path work = args.work();
        int files = args.getInt("files", 10_000);
        int threads = args.getInt("threads", 2 * Runtime.getRuntime().availableProcessors());
        int runs = args.getInt("runs", 2);
        int warmScans = Math.max(1, args.getInt("warm-scans", 4));
        List<String> jvmArgs = args.get("server-jvm-args", "").isBlank() ? List.of()
                : List.of(args.get("server-jvm-args", "").trim().split("\\s+"));
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("org.omnilux.scan.cfg", "poolSize=" + threads + "\n");
        if (!args.get("scanner-config", "").isBlank()) {
            // e.g. --scanner-config probeAlways=true: what ffprobe for every file would cost
            configs.put("org.omnilux.scanner.music.cfg", args.get("scanner-config", "").replace(';', '\n') + "\n");
        }
        JAUDIOTAGGER_LOG.setLevel(Level.OFF); // as the music scanner does: its logging is not the floor's work
        if (args.getInt("floor-only", 0) == 1) {
            // the child JVM of the like-for-like floor (below): the library is built already
            double[] best = warmFloor(build(work.resolve("music-lib-" + files), files,
                    sources(work.resolve("music-sources"))), threads, false);
            System.out.printf(Locale.ROOT, "FLOOR %.1f %.4f%n", best[0], best[1]);
            return;
        }
        // what the launcher gives the server when the command gives no JVM options (runtime's HeapLimit)
        List<String> serverOptions = jvmArgs.isEmpty() ? Server.LAUNCHER_DEFAULTS : jvmArgs;

        System.out.printf(Locale.ROOT, "OmniLux music tag benchmark: repo %s, %d files, %d threads (floor and scan "
                + "pool), %d cores, server JVM args %s, configs %s%n", repo, files, threads,
                Runtime.getRuntime().availableProcessors(), jvmArgs, configs);
        List<Path> sources = sources(work.resolve("music-sources"));
        Path lib = work.resolve("music-lib-" + files);
        List<Path> library = build(lib, files, sources);

        warmUp(library, threads, true);
        MediaScanner scanner = new MusicScanner();
        scannerLoop(scanner, lib, library, threads);
        double[] floor = new double[runs];
        double[] floorCpu = new double[runs];
        int pairs = Math.max(1, args.getInt("pairs", 5));
        double[] pairedRatio = new double[runs];
        double[] pairedSameRatio = new double[runs];
        double[] sameFloor = new double[runs];
        double[] sameFloorCpu = new double[runs];
        double[] loopCpu = new double[runs];
        double[] loop = new double[runs];
        double[] server = new double[runs];
        double[] warm = new double[runs];
        double[] warmCpu = new double[runs];
        double[] rss = new double[runs];
        double[] jvmCpu = new double[runs];
        double[] childCpu = new double[runs];
        for (int run = 0; run < runs; run++) {
            double[] best = bestOfThree(library, threads, true);
            floor[run] = best[0];
            floorCpu[run] = best[1];
            double[] same = sameJvmFloor(serverOptions, argv);
            sameFloor[run] = same[0];
            sameFloorCpu[run] = same[1];
            System.out.printf(Locale.ROOT, "  floor run %d with the server's JVM options %s: %.1f files/s%n", run + 1,
                    serverOptions, same[0]);
            double cpu = processCpuSeconds();
            loop[run] = scannerLoop(scanner, lib, library, threads);
            loopCpu[run] = (processCpuSeconds() - cpu) * 1000 / files;
            System.out.printf(Locale.ROOT, "  scanner loop run %d: %.1f files/s%n", run + 1, loop[run]);
            try (Server s = Server.start(repo, work.resolve("server-music"), jvmArgs, configs, "music")) {
                long root = s.addRoot(lib, "music");
                double[] cpu0 = RssSampler.cpuSeconds(s.pid());
                Map<String, Double> threads0 = RssSampler.cpuSecondsByThread(s.pid());
                Server.Scan scan;
                try (RssSampler sampler = new RssSampler(s.pid())) {
                    scan = s.scan(root);
                    rss[run] = sampler.peakMb();
                }
                double[] cpu1 = RssSampler.cpuSeconds(s.pid());
                System.out.println("  server CPU per file by thread (ms):"
                        + RssSampler.perFile(threads0, RssSampler.cpuSecondsByThread(s.pid()), files));
                jvmCpu[run] = (cpu1[0] - cpu0[0]) * 1000 / files;
                childCpu[run] = (cpu1[1] - cpu0[1]) * 1000 / files;
                long failed = scan.job().get("filesFailed").asLong();
                if (scan.seen() != files || scan.job().get("filesAdded").asLong() != files || failed != 0) {
                    System.out.println("  WARNING: unexpected counters: " + scan.summary() + " errors "
                            + scan.job().get("errors"));
                }
                server[run] = files / scan.serverSeconds();
                System.out.printf(Locale.ROOT, "  server scan run %d: %.1f files/s (%.1f s; %s), peak RSS %.0f MB, "
                        + "CPU per file: server JVM %.2f ms, child processes %.2f ms%n", run + 1, server[run],
                        scan.serverSeconds(), scan.summary(), rss[run], jvmCpu[run], childCpu[run]);
                // the same scan on a warm server (the floor is warm too): the root removed and added again, scanned
                // --warm-scans times; the best one counts, as the best pass of the floor does. The JIT needs that
                // long: a fresh server's first scan also pays for compiling Derby, EclipseLink, Jackson and the tags
                // library.
                Server.Scan again = scan;
                double bestWarm = 0;
                for (int w = 0; w < warmScans; w++) {
                    s.call("DELETE", "/api/library/roots/" + root, null, 204);
                    root = s.addRoot(lib, "music");
                    cpu0 = RssSampler.cpuSeconds(s.pid());
                    threads0 = RssSampler.cpuSecondsByThread(s.pid());
                    again = s.scan(root);
                    double cpuPerFile = (RssSampler.cpuSeconds(s.pid())[0] - cpu0[0]) * 1000 / files;
                    System.out.printf(Locale.ROOT, "  warm-up scan %d: %.1f files/s, CPU per file %.2f ms;%s%n", w + 1,
                            files / again.serverSeconds(), cpuPerFile,
                            RssSampler.perFile(threads0, RssSampler.cpuSecondsByThread(s.pid()), files));
                    if (w == 0 || files / again.serverSeconds() > bestWarm) {
                        // the best scan, as for the floor
                        bestWarm = files / again.serverSeconds();
                        warmCpu[run] = cpuPerFile;
                    }
                }
                if (again.job().get("filesAdded").asLong() != files) {
                    System.out.println("  WARNING: unexpected counters of the warm scan: " + again.summary());
                }
                warm[run] = bestWarm;
                System.out.printf(Locale.ROOT, "  warm server scan run %d (the best): %.1f files/s, CPU per file %.2f ms%n",
                        run + 1, warm[run], warmCpu[run]);
                // paired: the floor, the warm scan and the like-for-like floor in turn, seconds apart, so that a
                // slow minute of a shared machine slows both sides of a pair; the median of the pairs' ratios. Each
                // side is the best of three, as the like-for-like floor's child JVM reports it: one side's single
                // sample against the other's best would count the machine's noise against that side.
                double[] pairRatios = new double[pairs];
                double[] pairSameRatios = new double[pairs];
                for (int pair = 0; pair < pairs; pair++) {
                    double fs = 0;
                    double scanFs = 0;
                    for (int i = 0; i < BEST_OF; i++) {
                        fs = Math.max(fs, floor(library, threads));
                    }
                    for (int i = 0; i < BEST_OF; i++) {
                        s.call("DELETE", "/api/library/roots/" + root, null, 204);
                        root = s.addRoot(lib, "music");
                        scanFs = Math.max(scanFs, files / s.scan(root).serverSeconds());
                    }
                    double sameFs = sameJvmFloor(serverOptions, argv)[0];
                    pairRatios[pair] = scanFs / fs;
                    pairSameRatios[pair] = scanFs / sameFs;
                    System.out.printf(Locale.ROOT, "  pair %d: floor %.1f files/s, warm scan %.1f files/s, ratio %.2f;"
                            + " floor with the server's JVM options %.1f files/s, ratio %.2f%n", pair + 1, fs, scanFs,
                            pairRatios[pair], sameFs, pairSameRatios[pair]);
                }
                pairedRatio[run] = median(pairRatios);
                pairedSameRatio[run] = median(pairSameRatios);
            }
        }
        System.out.println();
        System.out.println("================ results (run 1, run 2, ...) ================");
        System.out.printf(Locale.ROOT, "Tag reading of %,d hard-linked tagged mp3/FLAC files, %d threads%n", files,
                threads);
        System.out.println(row("floor: jaudiotagger loop", floor, "%8.1f f/s", ""));
        System.out.println(row("scanner in a plain loop", loop, "%8.1f f/s", ""));
        System.out.println(row("server scan", server, "%8.1f f/s", ""));
        double[] ratio = new double[runs];
        for (int i = 0; i < runs; i++) {
            ratio[i] = server[i] / floor[i];
        }
        System.out.println(row("ratio scan / floor", ratio, "%8.2f x  ", ">= 0.70 x"));
        System.out.println(row("warm server scan", warm, "%8.1f f/s", ""));
        double[] warmRatio = new double[runs];
        for (int i = 0; i < runs; i++) {
            warmRatio[i] = warm[i] / floor[i];
        }
        System.out.println(row("ratio warm scan / floor", warmRatio, "%8.2f x  ", ">= 0.70 x"));
        System.out.println(row("ratio warm scan / floor, paired", pairedRatio, "%8.2f x  ", ">= 0.70 x"));
        System.out.println(row("floor, server's JVM options", sameFloor, "%8.1f f/s", ""));
        double[] sameRatio = new double[runs];
        double[] sameWarmRatio = new double[runs];
        for (int i = 0; i < runs; i++) {
            sameRatio[i] = server[i] / sameFloor[i];
            sameWarmRatio[i] = warm[i] / sameFloor[i];
        }
        System.out.println(row("ratio scan / that floor", sameRatio, "%8.2f x  ", ">= 0.70 x"));
        System.out.println(row("ratio warm scan / that floor", sameWarmRatio, "%8.2f x  ", ">= 0.70 x"));
        System.out.println(row("ratio warm scan / that floor, paired", pairedSameRatio, "%8.2f x  ", ">= 0.70 x"));
        System.out.println(row("server peak RSS (sampled)", rss, "%8.0f MB ", ""));
        System.out.println(row("CPU/file: floor", floorCpu, "%8.2f ms ", ""));
        System.out.println(row("CPU/file: floor, server's options", sameFloorCpu, "%8.2f ms ", ""));
        System.out.println(row("CPU/file: scanner loop", loopCpu, "%8.2f ms ", ""));
        System.out.println(row("CPU/file: server JVM", jvmCpu, "%8.2f ms ", ""));
        System.out.println(row("CPU/file: warm server JVM", warmCpu, "%8.2f ms ", ""));
        double[] cpuRatio = new double[runs];
        for (int i = 0; i < runs; i++) {
            cpuRatio[i] = floorCpu[i] / jvmCpu[i];
        }
        // robust to other work on the machine, unlike files/s: what the scan would reach on idle cores
        System.out.println(row("CPU ratio floor / server", cpuRatio, "%8.2f x  ", ""));
        double[] warmCpuRatio = new double[runs];
        for (int i = 0; i < runs; i++) {
            warmCpuRatio[i] = sameFloorCpu[i] / warmCpu[i];
        }
        System.out.println(row("CPU ratio that floor / warm server", warmCpuRatio, "%8.2f x  ", ""));
        System.out.println(row("CPU/file: child processes", childCpu, "%8.2f ms ", ""));
    }

    /**
     * Warm-up: the floor is the tags library at its fastest, so it runs until the JIT has done its work (two passes in
     * a row within 5%, three at least, eight at most); a floor still being compiled would flatter the scan.
     */
    private static void warmUp(List<Path> library, int threads, boolean print) throws Exception {
        double previous = 0;
        for (int pass = 1; pass <= 8; pass++) {
            double fs = floor(library, threads);
            if (print) {
                System.out.printf(Locale.ROOT, "  floor warm-up pass %d: %.1f files/s%n", pass, fs);
            }
            if (pass >= 3 && Math.abs(fs - previous) <= 0.05 * previous) {
                return;
            }
            previous = fs;
        }
    }

    /**
     * The best of three passes, as files/s and CPU ms per file (the mean of the three): the JIT of a JVM settles
     * differently from one start to the next, and the floor is meant to be jaudiotagger at its fastest.
     */
    private static double[] bestOfThree(List<Path> library, int threads, boolean print) throws Exception {
        double best = 0;
        double cpu = processCpuSeconds();
        for (int pass = 0; pass < BEST_OF; pass++) {
            double fs = floor(library, threads);
            best = Math.max(best, fs);
            if (print) {
                System.out.printf(Locale.ROOT, "  floor pass %d: %.1f files/s%n", pass + 1, fs);
            }
        }
        return new double[] {best, (processCpuSeconds() - cpu) * 1000 / library.size() / BEST_OF};
    }

    private static double[] warmFloor(List<Path> library, int threads, boolean print) throws Exception {
        warmUp(library, threads, print);
        return bestOfThree(library, threads, print);
    }

    /**
     * The floor again, like for like: in a JVM started with the server's own options (by default the launcher's:
     * the client compiler only, 256 MB, the serial collector), so that the ratio measures what the scan adds to the
     * tag reading and not which compiler each side runs. Its own warm-up and best of three, in a child JVM.
     */
    private static double[] sameJvmFloor(List<String> serverOptions, String[] argv) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(serverOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), MusicTagBench.class.getName()));
        cmd.addAll(List.of(argv));
        cmd.addAll(List.of("--floor-only", "1"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0 || !out.contains("FLOOR ")) {
            throw new IllegalStateException("the floor's child JVM failed: " + out);
        }
        String[] figures = out.substring(out.lastIndexOf("FLOOR ") + 6).trim().split("\\s+");
        return new double[] {Double.parseDouble(figures[0]), Double.parseDouble(figures[1])};
    }

    /** Reads every file's tags and stream details with jaudiotagger on {@code threads} threads; files/s. */
    static double floor(List<Path> files, int threads) throws Exception {
        return loop(files, threads, MusicTagBench::read);
    }

    /** Has the music scanner recognise every file on {@code threads} threads, as the scan pool would; files/s. */
    static double scannerLoop(MediaScanner scanner, Path root, List<Path> files, int threads) throws Exception {
        MediaProber noProber = file -> {
            throw new ProbeException("the bench gives no prober: " + file);
        };
        // each folder listed once, as the core does for a batch: the listing is not the scanner's work
        Map<Path, List<Path>> listings = new java.util.concurrent.ConcurrentHashMap<>();
        // and its per-folder values (the album's cover) worked out once per folder, as the core keeps them
        Map<Path, Map<String, Object>> perFolder = new java.util.concurrent.ConcurrentHashMap<>();
        return loop(files, threads, file -> {
            List<Path> entries = listings.computeIfAbsent(file.getParent(), folder -> {
                try (var list = Files.list(folder)) {
                    return list.sorted().toList();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            List<Path> siblings = entries.stream().filter(p -> !p.equals(file)).toList();
            Map<String, Object> values = perFolder.computeIfAbsent(file.getParent(),
                    folder -> new java.util.concurrent.ConcurrentHashMap<>());
            long size = Files.size(file);
            MediaRecord record = scanner.recognise(new ScanContext() {
                public Path file() {
                    return file;
                }

                public Path root() {
                    return root;
                }

                public String mediaType() {
                    return "music";
                }

                public long sizeBytes() {
                    return size;
                }

                public List<Path> siblings() {
                    return siblings;
                }

                @SuppressWarnings("unchecked")
                public <T> T perFolder(String key, java.util.function.Function<List<Path>, T> compute) {
                    return (T) values.computeIfAbsent(key, k -> compute.apply(entries));
                }

                public List<ExternalSubtitle> externalSubtitles() {
                    return List.of();
                }

                public MediaProber prober() {
                    return noProber;
                }

                public boolean isCancelled() {
                    return false;
                }
            }).orElseThrow();
            return record.title.length() + record.metadata.size();
        });
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** CPU seconds of this JVM so far (all its threads: the loop's, JIT and GC). */
    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private interface FileTask {
        long run(Path file) throws Exception;
    }

    private static double loop(List<Path> files, int threads, FileTask task) throws Exception {
        AtomicLong checksum = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> tasks = new ArrayList<>();
            int chunk = Math.max(1, files.size() / (threads * 16));
            for (int from = 0; from < files.size(); from += chunk) {
                List<Path> part = files.subList(from, Math.min(files.size(), from + chunk));
                tasks.add(pool.submit(() -> {
                    for (Path file : part) {
                        checksum.addAndGet(task.run(file));
                    }
                    return null;
                }));
            }
            for (Future<?> submitted : tasks) {
                submitted.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (checksum.get() == 0) {
            throw new IllegalStateException("the floor read nothing");
        }
        return files.size() / seconds;
    }

    /** What the music scanner reads of one file; returns a number so that none of it is optimised away. */
    private static long read(Path file) throws Exception {
        AudioFile audio = AudioFileIO.read(file.toFile());
        Tag tag = audio.getTag();
        long n = 0;
        for (FieldKey key : new FieldKey[] {FieldKey.TITLE, FieldKey.ARTIST, FieldKey.ALBUM_ARTIST, FieldKey.ALBUM,
                FieldKey.TRACK, FieldKey.TRACK_TOTAL, FieldKey.DISC_NO, FieldKey.YEAR}) {
            n += tag.getFirst(key).length();
        }
        n += tag.getAll(FieldKey.GENRE).size();
        n += tag.getArtworkList().size();
        AudioHeader header = audio.getAudioHeader();
        n += (long) header.getPreciseTrackLength() + header.getBitRateAsNumber() + header.getChannels().length();
        return n;
    }

    /** A tagged 3-s mp3 and FLAC, made once by ffmpeg. */
    static List<Path> sources(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (String[] spec : List.of(new String[] {"tagged.mp3", "libmp3lame", "-id3v2_version", "3"},
                new String[] {"tagged.flac", "flac"})) {
            Path file = dir.resolve(spec[0]);
            if (!Files.isRegularFile(file)) {
                List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-y", "-hide_banner", "-loglevel", "error", "-f",
                        "lavfi", "-i", "sine=frequency=440:duration=3", "-c:a", spec[1]));
                for (int i = 2; i < spec.length; i++) {
                    cmd.add(spec[i]);
                }
                for (String tag : TAGS) {
                    cmd.add("-metadata");
                    cmd.add(tag);
                }
                cmd.add(file.toString());
                Library.Proc.run(cmd, 60);
            }
            out.add(file);
        }
        return out;
    }

    /** {@code Artist NN/Album NNN/NNNN - Track.mp3|flac}, 100 per album, hard links to the sources; kept for reuse. */
    static List<Path> build(Path lib, int count, List<Path> sources) throws IOException {
        List<Path> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Path source = sources.get(i % sources.size());
            String extension = source.getFileName().toString().substring(source.getFileName().toString().lastIndexOf('.'));
            Path file = lib.resolve(String.format(Locale.ROOT, "Artist %02d/Album %03d/%04d - Track%s", i / 1000,
                    i / 100, i, extension));
            files.add(file);
        }
        boolean complete = true;
        for (Path f : files) {
            if (!Files.exists(f)) {
                complete = false;
                break;
            }
        }
        if (!complete) {
            Library.deleteTree(lib);
            for (int i = 0; i < count; i++) {
                Files.createDirectories(files.get(i).getParent());
                Files.createLink(files.get(i), sources.get(i % sources.size()));
            }
        }
        return files;
    }

    private static String row(String label, double[] values, String format, String target) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  %-30s", label));
        for (double v : values) {
            sb.append(String.format(Locale.ROOT, format, v)).append("  ");
        }
        return sb.append(target).toString();
    }
}
