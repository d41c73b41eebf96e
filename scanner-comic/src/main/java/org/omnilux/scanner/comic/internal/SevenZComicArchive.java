package org.omnilux.scanner.comic.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;

/**
 * A CB7 through Commons Compress (LZMA/LZMA2 by XZ for Java). The decoder's memory is bounded, and an entry is
 * read only when the (declared) bytes before it in the archive are bounded too: 7z blocks are solid, and
 * reaching an entry means decompressing everything before it in its block.
 */
final class SevenZComicArchive implements ComicArchive {

    private final SevenZFile sevenZ;

    SevenZComicArchive(Path file) throws IOException {
        this.sevenZ = SevenZFile.builder().setPath(file).setMaxMemoryLimitKiB(Limits.MAX_7Z_MEMORY_KIB).get();
    }

    @Override
    public List<String> entryNames() throws IOException {
        List<String> names = new ArrayList<>();
        for (SevenZArchiveEntry entry : sevenZ.getEntries()) {
            if (!entry.isDirectory() && !entry.isAntiItem()) {
                names.add(entry.getName().replace('\\', '/'));
            }
            if (names.size() > Limits.MAX_ENTRIES) {
                throw new IOException("more than " + Limits.MAX_ENTRIES + " entries");
            }
        }
        return names;
    }

    @Override
    public byte[] read(String name, int max) throws IOException {
        long before = 0;
        for (SevenZArchiveEntry entry : sevenZ.getEntries()) {
            if (entry.isDirectory() || entry.isAntiItem()) {
                continue;
            }
            if (entry.getName().replace('\\', '/').equals(name)) {
                if (before > Limits.MAX_7Z_SKIP_BYTES) {
                    throw new IOException("cannot read " + name + ": too much data before it in the archive");
                }
                if (entry.getSize() > max) {
                    throw new Limits.TooLargeException(name, max);
                }
                try (InputStream in = sevenZ.getInputStream(entry)) {
                    return Limits.readBounded(in, max, name);
                }
            }
            before += Math.max(0, entry.getSize());
        }
        throw new IOException("no entry " + name);
    }

    @Override
    public void close() throws IOException {
        sevenZ.close();
    }
}
