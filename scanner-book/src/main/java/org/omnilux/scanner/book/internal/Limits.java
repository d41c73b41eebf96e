package org.omnilux.scanner.book.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds on what is read from a book file. Sizes declared in a zip's headers are not trusted: reading stops at the
 * bound whatever the header says, so a zip bomb costs at most the bound.
 */
final class Limits {

    /** The largest XML document (container.xml, OPF) read from an archive. */
    static final int MAX_XML_BYTES = 4 * 1024 * 1024;
    /** The largest cover image handed to the core. */
    static final int MAX_COVER_BYTES = 10 * 1024 * 1024;
    /** The largest FB2 file parsed (they embed their images as base64); larger ones are listed by name. */
    static final long MAX_FB2_BYTES = 64L * 1024 * 1024;
    /** More entries than this is not an e-book but an attack or a mistake. */
    static final int MAX_ZIP_ENTRIES = 100_000;

    private Limits() {
    }

    /** Thrown when a stream holds more than its bound. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String what, int max) {
            super(what + " is larger than " + max / (1024 * 1024) + " MB");
        }
    }

    /**
     * Reads a stream to its end, refusing more than {@code max} bytes.
     *
     * @throws TooLargeException when the stream holds more than {@code max} bytes (never more is read)
     */
    static byte[] readBounded(InputStream in, int max, String what) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        if (bytes.length > max) {
            throw new TooLargeException(what, max);
        }
        return bytes;
    }
}
