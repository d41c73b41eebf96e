package org.omnilux.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.omnilux.api.library.ScanJob;
import org.omnilux.api.probe.ProbeException;
import org.omnilux.core.internal.artwork.ArtworkServiceImpl;
import org.omnilux.core.internal.library.LibraryServiceImpl;
import org.omnilux.core.internal.persistence.Database;
import org.omnilux.core.internal.scan.ScanServiceImpl;
import org.omnilux.core.internal.scanner.ScannerRegistry;
import org.omnilux.scanner.music.internal.MusicScanner;

/**
 * The scan engine alone, in this JVM: the core's {@code ScanServiceImpl} over a real Derby database in a fresh data
 * folder, with the real music scanner, and no OSGi, HTTP or launcher around it. It scans the library of
 * {@link MusicTagBench} {@code --scans} times (the root removed and added again in between, so every scan adds every
 * file), so a profiler attached to this JVM ({@code -XX:StartFlightRecording}) sees the engine's own work, warm.
 */
public final class EngineBench {
    private static final Logger JAUDIOTAGGER_LOG = Logger.getLogger("org.jaudiotagger");

    private EngineBench() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Path work = args.work();
        int files = args.getInt("files", 10_000);
        int pool = args.getInt("pool", 2 * Runtime.getRuntime().availableProcessors());
        int scans = args.getInt("scans", 3);
        JAUDIOTAGGER_LOG.setLevel(Level.OFF);
        Path lib = work.resolve("music-lib-" + files);
        MusicTagBench.build(lib, files, MusicTagBench.sources(work.resolve("music-sources")));
        Path data = work.resolve("engine-data");
        Library.deleteTree(data);
        Files.createDirectories(data);
        Database db = Database.open(data);
        ScannerRegistry registry = new ScannerRegistry();
        registry.add(new MusicScanner(), "org.omnilux.scanner.music", "Music", "1.0.0", 1, 0);
        LibraryServiceImpl library = new LibraryServiceImpl(db, registry, Clock.systemUTC());
        ScanServiceImpl engine = new ScanServiceImpl(db, registry, new ArtworkServiceImpl(data.resolve("artwork")),
                file -> {
                    throw new ProbeException("the engine bench gives no prober: " + file);
                }, pool, Clock.systemUTC());
        try {
            for (int i = 1; i <= scans; i++) {
                long root = library.addRoot(lib.toString(), "music", "music").id();
                double cpu = cpuSeconds();
                // the scan's threads outlive a scan (the pool keeps them 30 s), so a thread's CPU before and after is
                // the scan's
                Map<String, Double> threadCpu0 = RssSampler.cpuSecondsByThread(ProcessHandle.current().pid());
                long start = System.nanoTime();
                ScanJob job = engine.start(root);
                while (engine.job(job.jobId()).finishedAt() == null) {
                    Thread.sleep(20);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                ScanJob done = engine.job(job.jobId());
                System.out.printf(Locale.ROOT, "scan %d: %.1f files/s (%.2f s), CPU per file %.3f ms; %s added %d failed %d%n",
                        i, files / seconds, seconds, (cpuSeconds() - cpu) * 1000 / files, done.status(),
                        done.filesAdded(), done.filesFailed());
                String split = "  CPU per file by thread (ms):" + RssSampler.perFile(threadCpu0,
                        RssSampler.cpuSecondsByThread(ProcessHandle.current().pid()), files);
                System.out.println(split);
                library.removeRoot(root);
            }
        } finally {
            engine.close();
            db.close();
        }
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }
}
