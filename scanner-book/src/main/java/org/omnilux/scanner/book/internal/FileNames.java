package org.omnilux.scanner.book.internal;

import java.nio.file.Path;
import java.util.Locale;

/** Small helpers on file names; pure string work, no I/O. */
final class FileNames {

    private FileNames() {
    }

    /**
     * @return the file name without its last extension ({@code Dune (1965).epub} → {@code Dune (1965)}), or
     *         without both of a zipped FB2's ({@code Пикник.fb2.zip} → {@code Пикник})
     */
    static String baseName(String fileName) {
        if (isZippedFb2(fileName)) {
            return fileName.substring(0, fileName.length() - Fb2Reader.ZIPPED_SUFFIX.length());
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** @return the last extension in lower case without the dot, or an empty string */
    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && dot < fileName.length() - 1 ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    /** @return {@code true} for {@code Title.fb2.zip} in any case; not for a bare {@code .fb2.zip} */
    static boolean isZippedFb2(String fileName) {
        int length = Fb2Reader.ZIPPED_SUFFIX.length();
        return fileName.length() > length
                && fileName.regionMatches(true, fileName.length() - length, Fb2Reader.ZIPPED_SUFFIX, 0, length);
    }

    static String name(Path path) {
        Path name = path == null ? null : path.getFileName();
        return name == null ? "" : name.toString();
    }
}
