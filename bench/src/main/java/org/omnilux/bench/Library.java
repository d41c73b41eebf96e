package org.omnilux.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A large movie library made of hard links ({@code Movie NNNNN (YEAR)/Movie NNNNN (YEAR).mkv}) to a few small real
 * files that ffmpeg generates: thousands of names cost no disk space, and every name probes for real.
 */
final class Library {
    /** The real files, generated once into {@code <work>/sources}: 1 s, 320x240, like the lead's measurement. */
    static final List<String[]> SOURCES = List.of(
            new String[] {"h264-aac.mkv", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-f", "lavfi", "-i",
                    "sine=frequency=440:sample_rate=48000", "-t", "1", "-c:v", "libx264", "-preset", "ultrafast",
                    "-pix_fmt", "yuv420p", "-c:a", "aac", "-metadata:s:a:0", "language=eng"},
            new String[] {"h264.mkv", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-t", "1",
                    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"},
            new String[] {"hevc-aac.mkv", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-f", "lavfi", "-i",
                    "sine=frequency=660:sample_rate=48000", "-t", "1", "-c:v", "libx265", "-preset", "ultrafast",
                    "-x265-params", "log-level=error", "-pix_fmt", "yuv420p", "-c:a", "aac"});

    private Library() {
    }

    /** @return the real files under {@code <work>/sources}, generated when missing */
    static List<Path> sources(Path work) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("sources"));
        List<Path> out = new ArrayList<>();
        for (String[] s : SOURCES) {
            Path file = dir.resolve(s[0]);
            if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-v", "error", "-y"));
                for (int i = 1; i < s.length; i++) {
                    cmd.add(s[i]);
                }
                cmd.add(file.toString());
                Proc.run(cmd, 120);
            }
            out.add(file);
        }
        return out;
    }

    /**
     * Makes (or reuses) {@code dir} holding exactly {@code count} movies linked to the sources.
     *
     * @return the movie files
     */
    static List<Path> build(Path dir, int count, List<Path> sources) throws IOException {
        Path marker = dir.resolve(".bench-library");
        String expected = count + " " + sources;
        List<Path> files = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String name = String.format("Movie %05d (%d)", i, 1950 + i % 70);
            files.add(dir.resolve(name).resolve(name + ".mkv"));
        }
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(expected)) {
            return files; // built by an earlier run
        }
        long start = System.nanoTime();
        if (Files.exists(dir)) {
            deleteTree(dir);
        }
        Files.createDirectories(dir);
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            Files.createDirectory(f.getParent());
            Files.createLink(f, sources.get(i % sources.size()));
        }
        Files.writeString(marker, expected, StandardCharsets.UTF_8);
        System.out.printf("  built %,d hard-linked movies under %s in %.1f s%n", count, dir,
                (System.nanoTime() - start) / 1e9);
        return files;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The reference for a no-change rescan: a plain walk reading each file's size and modification time. */
    static long walk(Path root) throws IOException {
        long[] n = {0, 0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                n[0]++;
                n[1] += attrs.size() ^ attrs.lastModifiedTime().toMillis();
                return FileVisitResult.CONTINUE;
            }
        });
        if (n[1] == 42) {
            System.out.print(""); // keep the attribute reads alive
        }
        return n[0];
    }

    static final class Proc {
        private Proc() {
        }

        static String run(List<String> cmd, int timeoutSeconds) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", cmd));
            }
            if (p.exitValue() != 0) {
                throw new IOException("failed (" + p.exitValue() + "): " + String.join(" ", cmd) + "\n" + out);
            }
            return out;
        }
    }
}
