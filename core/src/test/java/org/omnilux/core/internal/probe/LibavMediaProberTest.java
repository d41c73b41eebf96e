package org.omnilux.core.internal.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnilux.api.probe.AudioTrack;
import org.omnilux.api.probe.Chapter;
import org.omnilux.api.probe.ProbeException;
import org.omnilux.api.probe.ProbeResult;
import org.omnilux.api.probe.SubtitleTrack;
import org.omnilux.api.probe.VideoTrack;

/**
 * The fast probing path against the reference, on real generated media: the probe worker runs as the core runs it
 * (a child JVM with the worker's jars from this test's class path), ffprobe is Debian's.
 */
class LibavMediaProberTest {

    private static JaffreeMediaProber reference;
    private static LibavMediaProber fast;

    @TempDir
    static Path javaCppCache;

    @BeforeAll
    static void start() throws Exception {
        ProbeFixtures.generate();
        reference = new JaffreeMediaProber(null, 2, Duration.ofSeconds(30));
        fast = new LibavMediaProber(new JaffreeMediaProber(null, 2, Duration.ofSeconds(30)), workerClasspath(true),
                javaCppCache, 2, Duration.ofSeconds(30), Duration.ofMinutes(5));
        assertTrue(fast.start(), "the probe worker must start here: " + fast.unavailableReason());
        assertNotNull(fast.libavformatVersion());
    }

    @AfterAll
    static void stop() {
        fast.close();
        reference.close();
    }

    /** The cross-check: every fixture, both backends, the same normalised result — and it came from libavformat. */
    @Test
    void bothBackendsReadEveryFixtureAlike() throws Exception {
        long fastBefore = fast.fastProbes();
        long referenceBefore = fast.referenceProbes();
        for (String name : ProbeFixtures.MEDIA) {
            Path file = ProbeFixtures.DIR.resolve(name);
            assertEquals(describe(reference.probe(file)), describe(fast.probe(file)), name);
        }
        assertEquals(ProbeFixtures.MEDIA.size(), fast.fastProbes() - fastBefore, "answered by libavformat");
        assertEquals(0, fast.referenceProbes() - referenceBefore, "fallbacks to ffprobe");
    }

    /** What the fixtures hold, so that "alike" above is not "alike and empty". */
    @Test
    void theFastPathSeesWhatIsInTheFiles() throws Exception {
        ProbeResult hdr = fast.probe(ProbeFixtures.DIR.resolve("hdr10-1080p.mkv"));
        assertEquals("h265", hdr.video.get(0).codec);
        assertEquals("HDR10", hdr.video.get(0).hdrFormat);
        assertEquals(10, hdr.video.get(0).bitDepth);
        assertEquals("HLG", fast.probe(ProbeFixtures.DIR.resolve("hlg.mkv")).video.get(0).hdrFormat);
        ProbeResult av1 = fast.probe(ProbeFixtures.DIR.resolve("av1.mkv"));
        assertEquals("av1", av1.video.get(0).codec);
        assertEquals("jpn", av1.audio.get(0).language);
        ProbeResult subs = fast.probe(ProbeFixtures.DIR.resolve("h264-subs.mkv"));
        assertEquals(2, subs.audio.size());
        assertEquals("fre", subs.subtitle.get(0).language);
        assertTrue(subs.subtitle.get(0).forced);
        assertEquals(List.of("Opening", "Ending"),
                fast.probe(ProbeFixtures.DIR.resolve("chapters.mkv")).chapters.stream().map(c -> c.title).toList());
    }

    /** A file libavformat cannot read goes to ffprobe, whose error the caller gets. */
    @Test
    void unreadableFilesFallBackAndFailWithTheReferenceError() throws Exception {
        for (String name : ProbeFixtures.UNREADABLE) {
            Path file = ProbeFixtures.DIR.resolve(name);
            long before = fast.referenceProbes();
            ProbeException expected = assertThrows(ProbeException.class, () -> reference.probe(file), name);
            ProbeException actual = assertThrows(ProbeException.class, () -> fast.probe(file), name);
            assertEquals(expected.getMessage(), actual.getMessage(), name);
            assertEquals(before + 1, fast.referenceProbes(), name + " went to ffprobe");
        }
        ProbeException empty = assertThrows(ProbeException.class,
                () -> fast.probe(ProbeFixtures.DIR.resolve("empty.mkv")));
        assertTrue(empty.getMessage().startsWith("Empty file"), empty.getMessage());
    }

    /**
     * A worker that dies mid-scan (here: killed, as a crash would end it) fails no probe; the files it was reading
     * are read by ffprobe from then on; a new worker is started in the background for the other files.
     */
    @Test
    void aKilledWorkerFailsNoProbe() throws Exception {
        // its own prober: the files it marks crash-prone must not change what the other tests see
        LibavMediaProber fast = new LibavMediaProber(new JaffreeMediaProber(null, 2, Duration.ofSeconds(30)),
                workerClasspath(true), javaCppCache, 2, Duration.ofSeconds(30), Duration.ofMinutes(5));
        try {
            killedWorker(fast);
        } finally {
            fast.close();
        }
    }

    private static void killedWorker(LibavMediaProber fast) throws Exception {
        assertTrue(fast.start());
        long pid = fast.workerPid();
        assertTrue(pid > 0);
        Path file = ProbeFixtures.DIR.resolve("h264-subs.mkv");
        String expected = describe(reference.probe(file));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> describe(fast.probe(file))));
                if (i == 20) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
            for (Future<String> result : results) {
                assertEquals(expected, result.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the killed worker is gone");
        // the file in flight when the worker died is crash-prone: ffprobe reads it from now on
        assertTrue(fast.isSuspect(file));
        long fastBefore = fast.fastProbes();
        assertEquals(expected, describe(fast.probe(file)));
        assertEquals(fastBefore, fast.fastProbes(), "a suspect goes to ffprobe");
        Path other = ProbeFixtures.DIR.resolve("vp9.webm");
        assertFalse(fast.isSuspect(other));
        // the probes after the crash started a new worker in the background (they did not wait for it)
        assertTrue(fast.start());
        assertEquals(describe(reference.probe(other)), describe(fast.probe(other)));
        assertEquals(fastBefore + 1, fast.fastProbes(), "other files go to a new worker");
        long newPid = fast.workerPid();
        assertTrue(newPid > 0, "a new worker runs");
        assertNotEquals(pid, newPid);
    }

    /** Where libavformat cannot load (here: its native libraries are missing), everything goes through ffprobe. */
    @Test
    void withoutTheNativeLibrariesFfprobeReadsEverything() throws Exception {
        LibavMediaProber noNatives = new LibavMediaProber(new JaffreeMediaProber(null, 1, Duration.ofSeconds(30)),
                workerClasspath(false), javaCppCache.resolve("none"), 1, Duration.ofSeconds(30), Duration.ofMinutes(1));
        try {
            assertFalse(noNatives.start());
            assertTrue(noNatives.unavailableReason().contains("libavformat cannot be loaded"),
                    noNatives.unavailableReason());
            Path file = ProbeFixtures.DIR.resolve("h264.mp4");
            assertEquals(describe(reference.probe(file)), describe(noNatives.probe(file)));
            assertEquals(1, noNatives.referenceProbes());
            assertEquals(0, noNatives.fastProbes());
        } finally {
            noNatives.close();
        }
    }

    @Test
    void partialResultsAreNotComplete() {
        ProbeResult r = new ProbeResult();
        r.container = "mkv";
        VideoTrack v = new VideoTrack();
        v.codec = "h264";
        v.width = 320;
        v.height = 240;
        r.video.add(v);
        assertTrue(LibavMediaProber.isComplete(r));
        v.height = null;
        assertFalse(LibavMediaProber.isComplete(r));
        v.height = 240;
        AudioTrack a = new AudioTrack();
        a.codec = "unknown";
        r.audio.add(a);
        assertFalse(LibavMediaProber.isComplete(r));
        a.codec = "aac";
        r.container = null;
        assertFalse(LibavMediaProber.isComplete(r));
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** The worker's jars as the launcher would give them: from this test's class path. */
    private static List<Path> workerClasspath(boolean withNatives) {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            boolean worker = entry.contains("probe-worker") || name.startsWith("javacpp-") || name.startsWith("nanojson-")
                    || (name.startsWith("ffmpeg-") && (withNatives || !name.contains("linux")));
            if (worker && Files.exists(Path.of(entry))) {
                jars.add(Path.of(entry));
            }
        }
        assertTrue(jars.stream().anyMatch(p -> p.toString().contains("probe-worker")), "worker on the class path: " + jars);
        return jars;
    }

    /** Every normalised field of a result, in one comparable text. */
    static String describe(ProbeResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("container=").append(r.container).append(" duration=").append(round(r.durationSeconds))
                .append(" bitRate=").append(r.bitRate).append(" tags=").append(new java.util.TreeMap<>(r.tags));
        for (VideoTrack v : r.video) {
            sb.append("\n video ").append(Arrays.asList(v.index, v.codec, v.width, v.height, v.hdr, v.hdrFormat,
                    v.frameRate, v.bitDepth));
        }
        for (AudioTrack a : r.audio) {
            sb.append("\n audio ").append(Arrays.asList(a.index, a.codec, a.language, a.channels, a.title, a.isDefault));
        }
        for (SubtitleTrack s : r.subtitle) {
            sb.append("\n subtitle ").append(Arrays.asList(s.index, s.codec, s.language, s.title, s.forced, s.isDefault));
        }
        for (Chapter c : r.chapters) {
            sb.append("\n chapter ").append(Arrays.asList(c.title, round(c.start), round(c.end)));
        }
        return sb.toString();
    }

    private static String round(Double seconds) {
        return seconds == null ? "null" : String.format(Locale.ROOT, "%.3f", seconds);
    }
}
