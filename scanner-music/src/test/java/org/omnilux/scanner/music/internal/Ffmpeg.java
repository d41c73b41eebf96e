package org.omnilux.scanner.music.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Generates real audio fixtures with ffmpeg (never committed). A missing ffmpeg fails the test that needs it. */
final class Ffmpeg {

    private Ffmpeg() {
    }

    /**
     * A sine tone of {@code seconds} seconds in the format the extension names, with the given
     * {@code -metadata key=value} tags and extra output options.
     */
    static Path tone(Path file, double seconds, List<String> tags, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds));
        args.addAll(List.of(options));
        for (String tag : tags) {
            args.add("-metadata");
            args.add(tag);
        }
        args.add(file.toString());
        run(file, args);
        return file;
    }

    /** A small JPEG (a cover). */
    static Path image(Path file) throws IOException {
        run(file, List.of("-f", "lavfi", "-i", "testsrc2=size=64x64:duration=1", "-frames:v", "1", file.toString()));
        return file;
    }

    static void run(Path output, List<String> args) throws IOException {
        Files.createDirectories(output.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-y", "-hide_banner", "-loglevel", "error"));
        command.addAll(args);
        exec(command);
    }

    static String exec(List<String> command) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " is required by the tests (apt-get install -y ffmpeg)", e);
        }
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(command.get(0) + " failed: " + command + "\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return output;
    }
}
