package org.omnilux.scanner.tv.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Small helpers on file names; pure string work, no I/O. */
final class FileNames {

    private FileNames() {
    }

    /** @return the file name without its last extension ({@code Show - S01E01.mkv} → {@code Show - S01E01}) */
    static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** @return the last extension in lower case without the dot, or an empty string */
    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && dot < fileName.length() - 1 ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    static String name(Path path) {
        Path name = path == null ? null : path.getFileName();
        return name == null ? "" : name.toString();
    }

    /** @return the first entry whose name equals {@code lowerCaseName}, ignoring case */
    static Optional<Path> named(String lowerCaseName, List<Path> entries) {
        for (Path entry : entries) {
            if (name(entry).toLowerCase(Locale.ROOT).equals(lowerCaseName)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }
}
