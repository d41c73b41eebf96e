package org.omnilux.scanner.book.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Opens the zips books come in (EPUB, zipped FB2) and reads their entries within {@link Limits}: one way for every
 * zipped format, so the same bounds hold for all of them. Stateless and thread-safe.
 */
final class BookZips {

    private BookZips() {
    }

    /**
     * Opens a zip, refusing more than {@link Limits#MAX_ZIP_ENTRIES} entries.
     *
     * <p>Names are read as UTF-8; a zip whose names are in a DOS code page without the UTF-8 flag (CP866 from
     * Russian Windows packers: {@code Пикник.fb2}) makes the JDK refuse the whole file, so such a zip is opened
     * again with ISO-8859-1, which decodes any byte: the ASCII parts of its names ({@code .fb2}, folders) stay
     * right, and flagged UTF-8 names are still read as UTF-8.
     *
     * @throws IOException when the file is no zip, a truncated one, or one with too many entries
     */
    static ZipFile open(Path file) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException notUtf8) {
            try {
                zip = new ZipFile(file.toFile(), StandardCharsets.ISO_8859_1);
            } catch (ZipException broken) {
                throw notUtf8; // no zip at all, or truncated: the first answer says why
            }
        }
        if (zip.size() > Limits.MAX_ZIP_ENTRIES) {
            int size = zip.size();
            zip.close();
            throw new ZipException(size + " entries");
        }
        return zip;
    }

    /**
     * Reads an entry whole, whatever size its header claims.
     *
     * @throws Limits.TooLargeException when it inflates to more than {@code max} bytes (never more is read)
     */
    static byte[] read(ZipFile zip, ZipEntry entry, int max, String what) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return Limits.readBounded(in, max, what);
        }
    }

    /**
     * An entry as a stream for a parser that reads as it goes, whatever size its header claims.
     *
     * @return a stream that throws {@link Limits.TooLargeException} once it has given {@code max} bytes and more
     *         are there
     */
    static InputStream stream(ZipFile zip, ZipEntry entry, long max, String what) throws IOException {
        return Limits.bounded(zip.getInputStream(entry), max, what);
    }
}
