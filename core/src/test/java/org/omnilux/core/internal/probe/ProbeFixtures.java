package org.omnilux.core.internal.probe;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The probe tests' media: real files that {@code ffmpeg} generates into {@code target/probe-fixtures}, once per
 * test JVM. Needs {@code ffmpeg} on the PATH with libx264, libx265, libvpx-vp9, libsvtav1, libopus and libmp3lame:
 * when they are missing the tests fail, they are not skipped.
 */
final class ProbeFixtures {

    static final Path DIR = Path.of("target", "probe-fixtures").toAbsolutePath();
    /** The media files both backends must read alike (the corrupt ones are in {@link #UNREADABLE}). */
    static final List<String> MEDIA = List.of("h264.mp4", "h264-subs.mkv", "hdr10-1080p.mkv", "hlg.mkv", "vp9.webm",
            "av1.mkv", "mpeg2.ts", "mpeg2.mpg", "audio.mp3", "tagged.opus", "chapters.mkv", "book.m4b",
            "overlong-chapters.m4b");
    static final List<String> UNREADABLE = List.of("corrupt.mp4", "truncated.mp4", "notes.txt");

    private static boolean generated;

    private ProbeFixtures() {
    }

    static synchronized void generate() throws Exception {
        if (generated) {
            return;
        }
        Files.createDirectories(DIR);
        String encoders = run(List.of("ffmpeg", "-hide_banner", "-encoders"));
        for (String encoder : List.of("libx264", "libx265", "libvpx-vp9", "libsvtav1", "libopus", "libmp3lame",
                "mpeg2video", "mp2", "aac", "srt")) {
            if (!encoders.contains(" " + encoder + " ")) {
                fail("ffmpeg has no " + encoder + " encoder: cannot generate the probe test fixtures");
            }
        }

        Path srt = DIR.resolve("forced.srt");
        Files.writeString(srt, "1\n00:00:00,000 --> 00:00:00,800\nBonjour\n", StandardCharsets.UTF_8);
        Path meta = DIR.resolve("chapters.ffmeta");
        Files.writeString(meta, ";FFMETADATA1\ntitle=With Chapters\n"
                + "[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=400\ntitle=Opening\n"
                + "[CHAPTER]\nTIMEBASE=1/1000\nSTART=400\nEND=1000\ntitle=Ending\n", StandardCharsets.UTF_8);

        // the last chapter ends 29 s after the audio: the chapter-title track is longer than the sound
        Path overlong = DIR.resolve("overlong.ffmeta");
        Files.writeString(overlong, ";FFMETADATA1\ntitle=Cut Short\n"
                + "[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=500\ntitle=Opening\n"
                + "[CHAPTER]\nTIMEBASE=1/1000\nSTART=500\nEND=30000\ntitle=Lost\n", StandardCharsets.UTF_8);

        String v320 = "testsrc2=size=320x240:rate=25";
        ffmpeg("h264.mp4", "-f", "lavfi", "-i", v320, "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-f", "lavfi", "-i", "sine=frequency=660:sample_rate=48000", "-t", "1",
                "-map", "0:v", "-map", "1:a", "-map", "2:a",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                "-ac:a:0", "2", "-ac:a:1", "1",
                "-metadata:s:a:0", "language=eng", "-metadata:s:a:1", "language=ger",
                "-disposition:a:0", "default", "-disposition:a:1", "0",
                "-metadata", "title=Test Movie");
        ffmpeg("h264-subs.mkv", "-f", "lavfi", "-i", v320, "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-f", "lavfi", "-i", "sine=frequency=660:sample_rate=48000", "-i", srt.toString(), "-t", "1",
                "-map", "0:v", "-map", "1:a", "-map", "2:a", "-map", "3:s",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-c:s", "srt",
                "-ac:a:0", "2", "-ac:a:1", "1",
                "-metadata:s:a:0", "language=eng", "-metadata:s:a:0", "title=English",
                "-metadata:s:a:1", "language=de", "-metadata:s:a:1", "title=Deutsch",
                "-metadata:s:s:0", "language=fre", "-metadata:s:s:0", "title=Forced FR",
                "-disposition:a:0", "default", "-disposition:a:1", "0", "-disposition:s:0", "forced");
        ffmpeg("hdr10-1080p.mkv", "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=24000/1001", "-t", "0.2",
                "-c:v", "libx265", "-preset", "ultrafast", "-pix_fmt", "yuv420p10le",
                "-color_primaries", "bt2020", "-color_trc", "smpte2084", "-colorspace", "bt2020nc",
                "-x265-params", "log-level=error:hdr10=1:max-cll=1000,400:"
                        + "master-display=G(13250,34500)B(7500,3000)R(34000,16000)WP(15635,16450)L(10000000,1)");
        ffmpeg("hlg.mkv", "-f", "lavfi", "-i", v320, "-t", "1",
                "-c:v", "libx265", "-preset", "ultrafast", "-pix_fmt", "yuv420p10le",
                "-color_primaries", "bt2020", "-color_trc", "arib-std-b67", "-colorspace", "bt2020nc",
                "-x265-params", "log-level=error");
        ffmpeg("vp9.webm", "-f", "lavfi", "-i", v320, "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", "1", "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "200k",
                "-c:a", "libopus");
        ffmpeg("av1.mkv", "-f", "lavfi", "-i", v320, "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", "0.4", "-c:v", "libsvtav1", "-preset", "12", "-pix_fmt", "yuv420p", "-c:a", "libopus",
                "-metadata:s:a:0", "language=jpn");
        ffmpeg("mpeg2.ts", "-f", "lavfi", "-i", v320, "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", "1", "-c:v", "mpeg2video", "-c:a", "mp2");
        ffmpeg("mpeg2.mpg", "-f", "lavfi", "-i", v320, "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", "1", "-c:v", "mpeg2video", "-c:a", "mp2");
        ffmpeg("tagged.opus", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "1",
                "-c:a", "libopus", "-metadata", "title=Ogg Song", "-metadata", "artist=Someone Else",
                "-metadata", "album=Streams");
        ffmpeg("audio.mp3", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100", "-t", "1",
                "-c:a", "libmp3lame", "-b:a", "128k", "-metadata", "title=A Song", "-metadata", "artist=Someone");
        ffmpeg("chapters.mkv", "-f", "lavfi", "-i", v320, "-i", meta.toString(), "-t", "1",
                "-map", "0:v", "-map_metadata", "1", "-map_chapters", "1",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        ffmpeg("book.m4b", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100", "-i", meta.toString(),
                "-t", "1", "-map", "0:a", "-map_metadata", "1", "-map_chapters", "1", "-c:a", "aac", "-f", "mp4");
        // a 1-s source rather than -t 1, which would cut the chapters to the audio as well
        ffmpeg("overlong-chapters.m4b", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=1", "-i",
                overlong.toString(), "-map", "0:a", "-map_metadata", "1", "-map_chapters", "1",
                "-c:a", "aac", "-f", "mp4");

        byte[] noise = new byte[64 * 1024];
        new Random(42).nextBytes(noise);
        Files.write(DIR.resolve("corrupt.mp4"), noise);
        byte[] mp4 = Files.readAllBytes(DIR.resolve("h264.mp4"));
        Files.write(DIR.resolve("truncated.mp4"), Arrays.copyOf(mp4, 2048));
        Files.write(DIR.resolve("empty.mkv"), new byte[0]);
        Files.writeString(DIR.resolve("notes.txt"), "just some text\n");
        Files.deleteIfExists(DIR.resolve("missing.mkv"));
        generated = true;
    }

    private static void ffmpeg(String output, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-v", "error", "-y"));
        cmd.addAll(Arrays.asList(args));
        cmd.add(DIR.resolve(output).toString());
        run(cmd);
        if (!Files.isRegularFile(DIR.resolve(output)) || Files.size(DIR.resolve(output)) == 0) {
            fail("ffmpeg did not write " + output);
        }
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
}
