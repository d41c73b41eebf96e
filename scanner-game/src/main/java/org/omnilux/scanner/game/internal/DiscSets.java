package org.omnilux.scanner.game.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small text files that bind several files into one game: CUE sheets and GDI track lists (a disc and its
 * track files) and M3U playlists (the discs of a multi-disc game). Files are read only up to {@link #MAX_SIZE}:
 * anything larger is not such a list.
 */
final class DiscSets {

    static final int MAX_SIZE = 64 * 1024;

    private static final Pattern CUE_FILE = Pattern.compile("^\\s*FILE\\s+(?:\"([^\"]+)\"|(\\S+))",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private DiscSets() {
    }

    /** @return the file names a CUE sheet or GDI list refers to, in order; empty when unreadable */
    static List<String> tracks(Path sheet) {
        String text = readSmall(sheet);
        if (text == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        if (FileNames.extension(sheet).equals("gdi")) {
            // "1 0 4 2352 track01.bin 0": the first line counts the tracks
            String[] lines = text.split("\\R");
            for (int i = 1; i < lines.length; i++) {
                String name = gdiTrackName(lines[i].trim());
                if (name != null) {
                    names.add(name);
                }
            }
        } else {
            Matcher file = CUE_FILE.matcher(text);
            while (file.find()) {
                names.add(file.group(1) != null ? file.group(1) : file.group(2));
            }
        }
        return names;
    }

    private static String gdiTrackName(String line) {
        if (line.isEmpty()) {
            return null;
        }
        Matcher quoted = Pattern.compile("^\\S+\\s+\\S+\\s+\\S+\\s+\\S+\\s+\"([^\"]+)\"").matcher(line);
        if (quoted.find()) {
            return quoted.group(1);
        }
        String[] fields = line.split("\\s+");
        return fields.length >= 5 ? fields[4] : null;
    }

    /** @return the entries of an M3U playlist (comments and blank lines left out); empty when unreadable */
    static List<String> playlist(Path m3u) {
        String text = readSmall(m3u);
        if (text == null) {
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String entry = line.strip();
            if (entry.startsWith("\uFEFF")) {
                entry = entry.substring(1);
            }
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** Resolves an entry of a list against the list's folder; {@code \} separators are accepted. */
    static Path resolve(Path list, String entry) {
        Path folder = list.getParent();
        String normalised = entry.replace('\\', '/');
        try {
            return folder == null ? Path.of(normalised) : folder.resolve(normalised).normalize();
        } catch (RuntimeException e) {
            return null; // an entry that is no valid path on this system
        }
    }

    /**
     * The file an entry of a list stands for: the entry's path when it lies in the list's folder or below, else a
     * file of the entry's name in the list's own folder, in any case. Lists written on Windows name their files in
     * other case ({@code CRASH.BIN} for {@code Crash.bin}) or by the absolute path they had there
     * ({@code C:\Games\Crash.bin}); emulators then look next to the list, and so does the scanner.
     *
     * @return the file, or {@code null} when there is none
     */
    static Path find(Path list, String entry) {
        Path folder = list.getParent();
        Path resolved = resolve(list, entry);
        // never out of the list's own folder: a list that names /etc/passwd or ../../secret.bin is not followed out
        // of the library (its name is still looked for next to the list, as for a Windows path)
        if (resolved != null && folder != null && resolved.startsWith(folder) && Files.isRegularFile(resolved)) {
            return resolved;
        }
        String name = entryName(entry);
        if (folder == null || name.isEmpty()) {
            return null;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder,
                f -> FileNames.name(f).equalsIgnoreCase(name) && Files.isRegularFile(f))) {
            for (Path match : files) {
                return match;
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable folder holds nothing we could use
        }
        return null;
    }

    /**
     * @return {@code true} when the list names {@code file}: by path, or by name (in any case) when the entry's
     *         folder is the file's, or when the entry's path leads nowhere and the file lies next to the list (see
     *         {@link #find})
     */
    static boolean names(Path list, List<String> entries, Path file) {
        String fileName = FileNames.name(file);
        for (String entry : entries) {
            Path resolved = resolve(list, entry);
            if (resolved != null && resolved.equals(file)) {
                return true;
            }
            if (!entryName(entry).equalsIgnoreCase(fileName)) {
                continue;
            }
            if (resolved != null && resolved.getParent() != null && resolved.getParent().equals(file.getParent())) {
                return true;
            }
            if (file.getParent() != null && file.getParent().equals(list.getParent())
                    && (resolved == null || !Files.exists(resolved))) {
                return true;
            }
        }
        return false;
    }

    /** The last part of an entry's path, with {@code /} or {@code \} separators. */
    private static String entryName(String entry) {
        String normalised = entry.replace('\\', '/');
        return normalised.substring(normalised.lastIndexOf('/') + 1);
    }

    private static String readSmall(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_SIZE + 1);
            if (bytes.length > MAX_SIZE) {
                return null;
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') >= 0) {
                text = new String(bytes, StandardCharsets.ISO_8859_1); // older lists are in the local 8-bit code page
            }
            return text;
        } catch (IOException e) {
            return null;
        }
    }
}
