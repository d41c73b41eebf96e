package org.omnilux.core.internal.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.omnilux.api.probe.AudioTrack;
import org.omnilux.api.probe.ProbeException;
import org.omnilux.api.probe.ProbeResult;
import org.omnilux.api.probe.SubtitleTrack;
import org.omnilux.api.probe.VideoTrack;

/**
 * Probes real files that {@code ffmpeg} generates into {@code target/probe-fixtures} before the tests. Needs
 * {@code ffmpeg} and {@code ffprobe} on the PATH (with libx264, libx265, libvpx-vp9, libopus, libmp3lame): when
 * they are missing the tests fail, they are not skipped.
 */
class JaffreeMediaProberTest {

    private static final Path DIR = ProbeFixtures.DIR;
    private static final double DURATION_TOLERANCE = 0.15;

    private static Path realFfprobe;
    private static JaffreeMediaProber prober;

    @BeforeAll
    static void generateFixtures() throws Exception {
        Files.createDirectories(DIR);
        Path ffmpeg = onPath("ffmpeg");
        realFfprobe = onPath("ffprobe");
        if (ffmpeg == null || realFfprobe == null) {
            fail("ffmpeg and ffprobe must be on the PATH to generate and probe the test fixtures (found ffmpeg="
                    + ffmpeg + ", ffprobe=" + realFfprobe + "); install the ffmpeg package");
        }
        ProbeFixtures.generate();

        prober = new JaffreeMediaProber(null, 2, Duration.ofSeconds(30));
    }

    @AfterAll
    static void done() {
        prober = null;
    }

    // ---- real files ---------------------------------------------------------------------------------------

    @Test
    void h264Mp4WithTwoAudioTracks() throws Exception {
        ProbeResult r = prober.probe(DIR.resolve("h264.mp4"));
        assertEquals("mp4", r.container);
        assertDuration(1.0, r.durationSeconds);
        assertNotNull(r.bitRate);
        assertTrue(r.bitRate > 0);
        assertEquals("Test Movie", r.tags.get("title"));
        r.tags.keySet().forEach(k -> assertEquals(k.toLowerCase(), k, "tag keys are lower case"));

        assertEquals(1, r.video.size());
        VideoTrack v = r.video.get(0);
        assertEquals(0, v.index);
        assertEquals("h264", v.codec);
        assertEquals(320, v.width);
        assertEquals(240, v.height);
        assertEquals("240p", ProbeNormalizer.resolutionClass(v.width, v.height));
        assertFalse(v.hdr);
        assertNull(v.hdrFormat);
        assertEquals(25.0, v.frameRate);
        assertEquals(8, v.bitDepth);

        assertEquals(2, r.audio.size());
        AudioTrack eng = r.audio.get(0);
        AudioTrack ger = r.audio.get(1);
        assertEquals(1, eng.index);
        assertEquals("aac", eng.codec);
        assertEquals("eng", eng.language);
        assertEquals(2, eng.channels);
        assertTrue(eng.isDefault);
        assertEquals(2, ger.index);
        assertEquals("ger", ger.language);
        assertEquals(1, ger.channels);
        assertFalse(ger.isDefault);
        assertTrue(r.subtitle.isEmpty());
        assertTrue(r.chapters.isEmpty());
    }

    @Test
    void mkvWithForcedSubtitle() throws Exception {
        ProbeResult r = prober.probe(DIR.resolve("h264-subs.mkv"));
        assertEquals("mkv", r.container);
        assertDuration(1.0, r.durationSeconds);
        assertEquals("h264", r.video.get(0).codec);
        assertEquals(2, r.audio.size());
        assertEquals("eng", r.audio.get(0).language);
        assertEquals("English", r.audio.get(0).title);
        assertTrue(r.audio.get(0).isDefault);
        assertEquals("ger", r.audio.get(1).language, "de in the file becomes ger");
        assertEquals("Deutsch", r.audio.get(1).title);
        assertFalse(r.audio.get(1).isDefault);

        assertEquals(1, r.subtitle.size());
        SubtitleTrack s = r.subtitle.get(0);
        assertEquals(3, s.index);
        assertEquals("subrip", s.codec);
        assertEquals("fre", s.language);
        assertEquals("Forced FR", s.title);
        assertTrue(s.forced);
        assertFalse(s.isDefault);
        r.tags.keySet().forEach(k -> assertEquals(k.toLowerCase(), k, "tag keys are lower case"));
    }

    @Test
    void hevcHdr10At1080p() throws Exception {
        ProbeResult r = prober.probe(DIR.resolve("hdr10-1080p.mkv"));
        assertEquals("mkv", r.container);
        assertDuration(0.2, r.durationSeconds);
        VideoTrack v = r.video.get(0);
        assertEquals("h265", v.codec);
        assertEquals(1920, v.width);
        assertEquals(1080, v.height);
        assertEquals("1080p", ProbeNormalizer.resolutionClass(v.width, v.height));
        assertTrue(v.hdr);
        assertEquals("HDR10", v.hdrFormat);
        assertEquals(10, v.bitDepth);
        assertEquals(23.976, v.frameRate);
        assertTrue(r.audio.isEmpty());
    }

    @Test
    void hevcHlg() throws Exception {
        VideoTrack v = prober.probe(DIR.resolve("hlg.mkv")).video.get(0);
        assertEquals("h265", v.codec);
        assertTrue(v.hdr);
        assertEquals("HLG", v.hdrFormat);
        assertEquals(10, v.bitDepth);
    }

    @Test
    void vp9Webm() throws Exception {
        ProbeResult r = prober.probe(DIR.resolve("vp9.webm"));
        assertEquals("webm", r.container);
        assertDuration(1.0, r.durationSeconds);
        assertEquals("vp9", r.video.get(0).codec);
        assertFalse(r.video.get(0).hdr);
        assertEquals(8, r.video.get(0).bitDepth);
        assertEquals("opus", r.audio.get(0).codec);
        assertEquals(25.0, r.video.get(0).frameRate);
    }

    /** Ogg keeps the comments on the stream: they are the file's tags; a video's track titles are not. */
    @Test
    void streamTagsOfAnAudioFileAreItsTags() throws Exception {
        ProbeResult opus = prober.probe(DIR.resolve("tagged.opus"));
        assertEquals("opus", opus.audio.get(0).codec);
        assertEquals("Ogg Song", opus.tags.get("title"));
        assertEquals("Someone Else", opus.tags.get("artist"));
        assertEquals("Streams", opus.tags.get("album"));
        ProbeResult movie = prober.probe(DIR.resolve("h264-subs.mkv"));
        assertEquals("English", movie.audio.get(0).title);
        assertFalse(movie.tags.containsValue("English"), movie.tags.toString());
    }

    @Test
    void mpeg2InTransportAndProgramStreams() throws Exception {
        ProbeResult ts = prober.probe(DIR.resolve("mpeg2.ts"));
        assertEquals("ts", ts.container);
        assertEquals("mpeg2", ts.video.get(0).codec);
        assertEquals("mp2", ts.audio.get(0).codec);
        assertEquals(25.0, ts.video.get(0).frameRate);
        assertDuration(1.0, ts.durationSeconds);

        ProbeResult mpg = prober.probe(DIR.resolve("mpeg2.mpg"));
        assertEquals("mpg", mpg.container);
        assertEquals("mpeg2", mpg.video.get(0).codec);
    }

    @Test
    void mp3Audio() throws Exception {
        ProbeResult r = prober.probe(DIR.resolve("audio.mp3"));
        assertEquals("mp3", r.container);
        assertTrue(r.video.isEmpty());
        assertEquals(1, r.audio.size());
        assertEquals("mp3", r.audio.get(0).codec);
        assertEquals(1, r.audio.get(0).channels);
        assertNull(r.audio.get(0).language);
        assertDuration(1.0, r.durationSeconds);
        assertEquals("A Song", r.tags.get("title"));
        assertEquals("Someone", r.tags.get("artist"));
    }

    @Test
    void chaptersInMkv() throws Exception {
        ProbeResult r = prober.probe(DIR.resolve("chapters.mkv"));
        assertEquals("With Chapters", r.tags.get("title"));
        assertChapters(r);
    }

    @Test
    void chaptersInM4bAudiobook() throws Exception {
        ProbeResult r = prober.probe(DIR.resolve("book.m4b"));
        assertEquals("m4b", r.container);
        assertTrue(r.video.isEmpty());
        assertEquals("aac", r.audio.get(0).codec);
        assertChapters(r);
    }

    @Test
    void chaptersRunningPastTheAudioDoNotLengthenTheBook() throws Exception {
        ProbeResult r = prober.probe(DIR.resolve("overlong-chapters.m4b"));
        assertEquals(1.0, r.durationSeconds, 0.05, "the audio's length, not the chapter track's 30 s");
        long size = Files.size(DIR.resolve("overlong-chapters.m4b"));
        assertEquals(size * 8 / r.durationSeconds, r.bitRate, size * 8 * 0.01, "bits per second of sound");
        assertEquals(2, r.chapters.size());
        assertEquals(30.0, r.chapters.get(1).end, 0.01, "the chapters as the file gives them");
    }

    @Test
    void aBookWithChaptersWithinTheAudioKeepsTheContainerLength() throws Exception {
        assertEquals(1.0, prober.probe(DIR.resolve("book.m4b")).durationSeconds, 0.05);
    }

    private static void assertChapters(ProbeResult r) {
        assertEquals(2, r.chapters.size(), () -> "chapters " + r.chapters);
        assertEquals("Opening", r.chapters.get(0).title);
        assertEquals(0.0, r.chapters.get(0).start, 0.01);
        assertEquals(0.4, r.chapters.get(0).end, 0.01);
        assertEquals("Ending", r.chapters.get(1).title);
        assertEquals(0.4, r.chapters.get(1).start, 0.01);
        assertEquals(1.0, r.chapters.get(1).end, 0.05);
    }

    // ---- failures -----------------------------------------------------------------------------------------

    @Test
    void corruptFileFails() {
        ProbeException e = assertThrows(ProbeException.class, () -> prober.probe(DIR.resolve("corrupt.mp4")));
        assertTrue(e.getMessage().contains("corrupt.mp4"), e.getMessage());
    }

    @Test
    void truncatedFileFails() {
        ProbeException e = assertThrows(ProbeException.class, () -> prober.probe(DIR.resolve("truncated.mp4")));
        assertTrue(e.getMessage().contains("truncated.mp4"), e.getMessage());
    }

    @Test
    void emptyFileFails() {
        ProbeException e = assertThrows(ProbeException.class, () -> prober.probe(DIR.resolve("empty.mkv")));
        assertTrue(e.getMessage().startsWith("Empty file"), e.getMessage());
    }

    @Test
    void missingFileFails() {
        ProbeException e = assertThrows(ProbeException.class, () -> prober.probe(DIR.resolve("missing.mkv")));
        assertTrue(e.getMessage().startsWith("No such file"), e.getMessage());
    }

    @Test
    void directoryAndTextFail() {
        assertThrows(ProbeException.class, () -> prober.probe(DIR));
        assertThrows(ProbeException.class, () -> prober.probe(DIR.resolve("notes.txt")));
        assertThrows(ProbeException.class, () -> prober.probe(null));
    }

    @Test
    void missingFfprobeFails() {
        JaffreeMediaProber broken = new JaffreeMediaProber(DIR.resolve("no-such-dir"), 1, Duration.ofSeconds(10));
        ProbeException e = assertThrows(ProbeException.class, () -> broken.probe(DIR.resolve("h264.mp4")));
        assertTrue(e.getMessage().contains("ffprobe not found"), e.getMessage());
    }

    @Test
    void aClosedProberRefusesToProbe() throws Exception {
        JaffreeMediaProber closing = new JaffreeMediaProber(null, 1, Duration.ofSeconds(30));
        assertEquals("h264", closing.probe(DIR.resolve("h264.mp4")).video.get(0).codec);
        closing.close();
        assertThrows(ProbeException.class, () -> closing.probe(DIR.resolve("h264.mp4")));
    }

    // ---- configuration, timeout, concurrency ---------------------------------------------------------------

    @Test
    void ffprobeGivenAsDirectoryOrExecutable() throws Exception {
        JaffreeMediaProber byDir = new JaffreeMediaProber(realFfprobe.getParent(), 0, null);
        assertEquals(realFfprobe.getParent().resolve("ffprobe"), byDir.executable());
        assertEquals(Math.max(1, Runtime.getRuntime().availableProcessors()), byDir.maxConcurrentProbes());
        assertEquals(JaffreeMediaProber.DEFAULT_TIMEOUT, byDir.timeout());
        assertEquals("h264", byDir.probe(DIR.resolve("h264.mp4")).video.get(0).codec);

        JaffreeMediaProber byExe = new JaffreeMediaProber(realFfprobe, 1, Duration.ofSeconds(30));
        assertEquals(realFfprobe, byExe.executable());
        assertEquals("h264", byExe.probe(DIR.resolve("h264.mp4")).video.get(0).codec);

        assertNull(new JaffreeMediaProber(null, 1, null).executable());
        assertThrows(IllegalArgumentException.class, () -> new JaffreeMediaProber(null, 1, Duration.ZERO));
    }

    @Test
    void timeoutStopsTheProcess() throws Exception {
        Path bin = Files.createDirectories(DIR.resolve("slow-bin"));
        Path pidFile = bin.resolve("pid");
        Files.deleteIfExists(pidFile);
        script(bin.resolve("ffprobe"), "#!/bin/sh\necho $$ > \"$(dirname \"$0\")/pid\"\nexec sleep 60\n");

        JaffreeMediaProber slow = new JaffreeMediaProber(bin, 1, Duration.ofSeconds(1));
        long start = System.nanoTime();
        ProbeException e = assertThrows(ProbeException.class, () -> slow.probe(DIR.resolve("h264.mp4")));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertTrue(tookMillis >= 900, "gave up too early: " + tookMillis + " ms");
        assertTrue(tookMillis < 1000 + JaffreeMediaProber.STOP_WAIT_MILLIS + 3000, "took " + tookMillis + " ms");

        long pid = Long.parseLong(Files.readString(pidFile).trim());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                "the timed-out ffprobe process " + pid + " is still running");

        // the permit came back: the next probe does not wait for one
        ProbeException again = assertThrows(ProbeException.class, () -> slow.probe(DIR.resolve("h264.mp4")));
        assertTrue(again.getMessage().contains("timed out"), again.getMessage());
    }

    @Test
    void concurrencyIsBounded() throws Exception {
        Path bin = Files.createDirectories(DIR.resolve("counting-bin"));
        Path log = bin.resolve("log");
        Files.deleteIfExists(log);
        script(bin.resolve("ffprobe"), "#!/bin/sh\nd=\"$(dirname \"$0\")\"\necho S >> \"$d/log\"\nsleep 0.3\n\""
                + realFfprobe + "\" \"$@\"\nrc=$?\necho E >> \"$d/log\"\nexit $rc\n");

        JaffreeMediaProber bounded = new JaffreeMediaProber(bin, 2, Duration.ofSeconds(60));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<ProbeResult>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                futures.add(pool.submit(() -> bounded.probe(DIR.resolve("audio.mp3"))));
            }
            for (Future<ProbeResult> f : futures) {
                assertEquals("mp3", f.get(120, TimeUnit.SECONDS).container);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> events = Files.readAllLines(log);
        assertEquals(12, events.size(), () -> "events " + events);
        int running = 0;
        int max = 0;
        for (String event : events) {
            running += event.equals("S") ? 1 : -1;
            max = Math.max(max, running);
        }
        assertTrue(max <= 2, "at most 2 ffprobe processes at once, saw " + max + ": " + events);
        assertTrue(max >= 1);
    }

    // ---- the process: output, errors, interruption, no polling ---------------------------------------------

    @Test
    void ffprobeErrorOutputIsInTheMessage() throws Exception {
        Path bin = Files.createDirectories(DIR.resolve("failing-bin"));
        script(bin.resolve("ffprobe"), "#!/bin/sh\necho 'moov atom not found' >&2\necho 'second line' >&2\nexit 1\n");
        JaffreeMediaProber failing = new JaffreeMediaProber(bin, 1, Duration.ofSeconds(30));
        ProbeException e = assertThrows(ProbeException.class, () -> failing.probe(DIR.resolve("h264.mp4")));
        assertTrue(e.getMessage().contains("h264.mp4"), e.getMessage());
        assertTrue(e.getMessage().contains("moov atom not found; second line"), e.getMessage());
    }

    @Test
    void muchErrorOutputDoesNotBlockTheProbe() throws Exception {
        Path bin = Files.createDirectories(DIR.resolve("chatty-bin"));
        // 400 KB on stderr before the answer: more than a pipe holds, so both streams must be drained at once
        script(bin.resolve("ffprobe"), "#!/bin/sh\ni=0\nwhile [ $i -lt 400 ]; do head -c 1024 /dev/zero | tr '\\0' x >&2;"
                + " i=$((i+1)); done\nexec \"" + realFfprobe + "\" \"$@\"\n");
        JaffreeMediaProber chatty = new JaffreeMediaProber(bin, 1, Duration.ofSeconds(30));
        assertEquals("h264", chatty.probe(DIR.resolve("h264.mp4")).video.get(0).codec);
    }

    @Test
    void interruptStopsTheProcessAtOnce() throws Exception {
        Path bin = Files.createDirectories(DIR.resolve("hanging-bin"));
        Path pidFile = bin.resolve("pid");
        Files.deleteIfExists(pidFile);
        script(bin.resolve("ffprobe"), "#!/bin/sh\necho $$ > \"$(dirname \"$0\")/pid\"\nexec sleep 60\n");
        JaffreeMediaProber hanging = new JaffreeMediaProber(bin, 1, Duration.ofSeconds(60));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ProbeResult> f = pool.submit(() -> hanging.probe(DIR.resolve("h264.mp4")));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.exists(pidFile) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            Thread.sleep(100);
            long start = System.nanoTime();
            f.cancel(true);
            pool.shutdown();
            assertTrue(pool.awaitTermination(JaffreeMediaProber.STOP_WAIT_MILLIS + 2000, TimeUnit.MILLISECONDS));
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(took < 2000, "the interrupted probe took " + took + " ms to stop");
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    "the interrupted ffprobe process " + pid + " is still running");
        } finally {
            pool.shutdownNow();
        }
        // the permit came back
        Files.deleteIfExists(pidFile);
        ExecutorService again = Executors.newSingleThreadExecutor();
        try {
            Future<ProbeResult> f = again.submit(() -> hanging.probe(DIR.resolve("h264.mp4")));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.exists(pidFile) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertTrue(Files.exists(pidFile), "the next probe did not get a permit");
            f.cancel(true);
        } finally {
            again.shutdownNow();
            again.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Jaffree's {@code FFprobe.execute()} slept 100 ms after every process: a probe of an instant ffprobe must not
     * take that long. The fastest of 10 probes is compared, so that a busy machine does not fail the test.
     */
    @Test
    void anInstantFfprobeIsNotDelayed() throws Exception {
        Path bin = Files.createDirectories(DIR.resolve("instant-bin"));
        Path answer = bin.resolve("answer.json");
        Files.writeString(answer, run(List.of(realFfprobe.toString(), "-v", "error", "-show_format", "-show_streams",
                "-show_chapters", "-of", "json", DIR.resolve("h264.mp4").toString())));
        script(bin.resolve("ffprobe"), "#!/bin/sh\nexec cat \"" + answer + "\"\n");
        JaffreeMediaProber instant = new JaffreeMediaProber(bin, 1, Duration.ofSeconds(30));
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            assertEquals("h264", instant.probe(DIR.resolve("h264.mp4")).video.get(0).codec);
            best = Math.min(best, System.nanoTime() - start);
        }
        long bestMillis = TimeUnit.NANOSECONDS.toMillis(best);
        assertTrue(bestMillis < 80, "the fastest probe of an instant ffprobe took " + bestMillis + " ms");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static void assertDuration(double expected, Double actual) {
        assertNotNull(actual, "duration");
        assertEquals(expected, actual, DURATION_TOLERANCE, "duration");
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + String.join(" ", cmd));
        }
        if (p.exitValue() != 0) {
            fail("failed (" + p.exitValue() + "): " + String.join(" ", cmd) + "\n" + out);
        }
        return out;
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        return null;
    }
}
