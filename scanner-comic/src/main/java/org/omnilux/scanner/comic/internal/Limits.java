package org.omnilux.scanner.comic.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds on what is read from a comic archive. Sizes declared in an archive's headers are not trusted: reading
 * stops at the bound whatever the header says, so a decompression bomb costs at most the bound.
 */
final class Limits {

    /** The largest ComicInfo.xml read. */
    static final int MAX_XML_BYTES = 2 * 1024 * 1024;
    /** The largest cover image handed to the core; a larger first page leaves the comic without a cover. */
    static final int MAX_COVER_BYTES = 10 * 1024 * 1024;
    /** The largest entry listing taken from bsdtar. */
    static final int MAX_LISTING_BYTES = 16 * 1024 * 1024;
    /** More entries than this is not a comic but an attack or a mistake. */
    static final int MAX_ENTRIES = 100_000;
    /**
     * A 7z solid block is decompressed from its start to reach an entry: refuse when more than this many
     * (declared) bytes precede the entry we want.
     */
    static final long MAX_7Z_SKIP_BYTES = 2L * 1024 * 1024 * 1024;
    /** Memory the 7z decoder may use (LZMA dictionaries), in KiB. */
    static final int MAX_7Z_MEMORY_KIB = 256 * 1024;

    private Limits() {
    }

    /** Thrown when an entry holds more than its bound. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String what, int max) {
            super(what + " is larger than " + Math.max(1, max / (1024 * 1024)) + " MB");
        }
    }

    /** Reads a stream to its end, refusing more than {@code max} bytes (never more is read). */
    static byte[] readBounded(InputStream in, int max, String what) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        if (bytes.length > max) {
            throw new TooLargeException(what, max);
        }
        return bytes;
    }
}
