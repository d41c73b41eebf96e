package org.omnilux.scanner.comic.internal;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** The few things the scanner needs of a comic archive, whatever its format. One per file, one thread. */
interface ComicArchive extends Closeable {

    /** @return the paths of the regular files in the archive, in archive order ({@code /}-separated) */
    List<String> entryNames() throws IOException;

    /**
     * @param name an entry path as {@link #entryNames} gave it
     * @param max  the most bytes to read
     * @return the entry's bytes
     * @throws Limits.TooLargeException when the entry holds more than {@code max} bytes
     * @throws IOException when the entry cannot be read
     */
    byte[] read(String name, int max) throws IOException;

    @Override
    void close() throws IOException;
}
