package org.omnilux.scanner.comic.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/** A CBZ through Commons Compress: the central directory lists the entries, one entry is inflated on demand. */
final class ZipComicArchive implements ComicArchive {

    private final ZipFile zip;

    ZipComicArchive(Path file) throws IOException {
        this.zip = ZipFile.builder().setPath(file).get();
    }

    @Override
    public List<String> entryNames() throws IOException {
        List<String> names = new ArrayList<>();
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
            if (!entry.isDirectory()) {
                names.add(entry.getName());
            }
            if (names.size() > Limits.MAX_ENTRIES) {
                throw new IOException("more than " + Limits.MAX_ENTRIES + " entries");
            }
        }
        return names;
    }

    @Override
    public byte[] read(String name, int max) throws IOException {
        ZipArchiveEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException("no entry " + name);
        }
        if (!zip.canReadEntryData(entry)) {
            throw new IOException("cannot read " + name + " (encrypted or an unsupported compression method)");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return Limits.readBounded(in, max, name);
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
