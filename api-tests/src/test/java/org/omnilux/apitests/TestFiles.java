package org.omnilux.apitests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Files for the tests: media generated with the real ffmpeg (never committed), and clean-up. */
final class TestFiles {

    private TestFiles() {
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A one-second H.264 video with AAC audio at the given size, in the container the extension names. */
    static Path video(Path file, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        ffmpeg("-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=25:duration=1",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=1",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                "-metadata:s:a:0", "language=eng", "-shortest", file.toString());
        return file;
    }

    /** A small JPEG image (a poster). */
    static Path image(Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        ffmpeg("-f", "lavfi", "-i", "testsrc2=size=120x180:duration=1", "-frames:v", "1", file.toString());
        return file;
    }

    static void ffmpeg(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-y", "-hide_banner", "-loglevel", "error"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("ffmpeg is required by the tests (apt-get install -y ffmpeg)", e);
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + command + "\n" + output);
        }
    }
}
