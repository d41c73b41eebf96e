package org.omnilux.scanner.comic.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A CBR (or any archive libarchive reads: RAR 4/5, tar…) through the {@code bsdtar} program of libarchive
 * (Debian package {@code libarchive-tools}): {@code bsdtar -tf} lists, {@code bsdtar -xOqf} extracts one entry to
 * standard output. No RAR code runs in the JVM (no junrar).
 *
 * <p>Each run is bounded in time (killed at the deadline) and in output (killed past the byte bound). No thread is
 * started: the calling scan thread polls the process's output until it ends. Standard error goes to a temporary
 * file so that a chatty bsdtar can never block on a full pipe.
 */
final class BsdtarComicArchive implements ComicArchive {

    private final String bsdtar;
    private final Path file;
    private final Duration timeout;

    BsdtarComicArchive(String bsdtar, Path file, Duration timeout) {
        this.bsdtar = bsdtar;
        this.file = file;
        this.timeout = timeout;
    }

    @Override
    public List<String> entryNames() throws IOException {
        byte[] listing = run(List.of(bsdtar, "-tf", file.toString()), Limits.MAX_LISTING_BYTES, "the entry list");
        List<String> lines = new ArrayList<>();
        for (String line : new String(listing, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
            if (lines.size() > Limits.MAX_ENTRIES) {
                throw new IOException("more than " + Limits.MAX_ENTRIES + " entries");
            }
        }
        // a tar folder is listed with its trailing slash, a RAR folder without: a name others lie below is a folder
        TreeSet<String> sorted = new TreeSet<>(lines);
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            String next = sorted.ceiling(line + "/"); // the first name that could lie below this one
            boolean folder = line.endsWith("/") || next != null && next.startsWith(line + "/");
            if (!folder) {
                names.add(line);
            }
        }
        return names;
    }

    @Override
    public byte[] read(String name, int max) throws IOException {
        // operands are patterns to bsdtar: escape the wildcard characters; -q stops at the first match
        return run(List.of(bsdtar, "-xOqf", file.toString(), "--", escapePattern(name)), max, name);
    }

    @Override
    public void close() {
        // nothing open between runs
    }

    static String escapePattern(String name) {
        StringBuilder escaped = new StringBuilder(name.length() + 8);
        for (char c : name.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private byte[] run(List<String> command, int max, String what) throws IOException {
        Path errors = Files.createTempFile("omnilux-bsdtar-", ".err");
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .redirectError(errors.toFile());
            builder.environment().put("LC_ALL", "C.UTF-8"); // names listed as UTF-8, not escaped
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new ToolMissingException(bsdtar);
            }
            try {
                byte[] output = pump(process, max, what);
                int exit = process.exitValue();
                if (exit != 0) {
                    throw new IOException(errorText(errors, exit));
                }
                return output;
            } finally {
                if (process.isAlive()) {
                    process.destroyForcibly();
                }
            }
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** Reads standard output until the process ends, polling so that the deadline holds without a thread. */
    private byte[] pump(Process process, int max, String what) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = process.getInputStream()) {
            while (true) {
                int available = in.available();
                if (available > 0) {
                    int n = in.read(buffer, 0, Math.min(available, buffer.length));
                    if (n < 0) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    if (out.size() > max) {
                        process.destroyForcibly();
                        throw new Limits.TooLargeException(what, max);
                    }
                } else if (!process.isAlive()) {
                    // the process is gone: what is left in the pipe can be read without blocking for long
                    byte[] rest = in.readNBytes(max + 1 - out.size());
                    out.write(rest);
                    if (out.size() > max) {
                        throw new Limits.TooLargeException(what, max);
                    }
                    break;
                } else if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IOException("bsdtar took more than " + timeout.toSeconds() + " s");
                } else {
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        process.destroyForcibly();
                        throw new IOException("interrupted");
                    }
                }
            }
        }
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted");
        }
        return out.toByteArray();
    }

    private static String errorText(Path errors, int exit) {
        String text = "";
        try {
            byte[] bytes = Files.readAllBytes(errors);
            text = new String(bytes, 0, Math.min(bytes.length, 2000), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            // no message then
        }
        // "bsdtar: Error opening archive: Unrecognized archive format" → drop the program name, and the last line
        // "Error exit delayed from previous errors." bsdtar adds after any error, which says nothing of the file
        text = text.lines().map(line -> line.replaceFirst("^bsdtar: ", "").strip())
                .filter(line -> !line.isEmpty() && !line.equals("Error exit delayed from previous errors."))
                .collect(Collectors.joining("; "));
        return text.isEmpty() ? "bsdtar failed with exit code " + exit : text;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** The bsdtar program could not be started. */
    static final class ToolMissingException extends IOException {
        private static final long serialVersionUID = 1L;

        ToolMissingException(String bsdtar) {
            super("cannot read RAR archives: the bsdtar program (" + bsdtar
                    + ") is not installed; install libarchive-tools (Debian/Ubuntu) or libarchive (other systems)");
        }
    }
}
