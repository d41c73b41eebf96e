package org.omnilux.scanner.book.internal;

import java.io.FilterInputStream;
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

        TooLargeException(String what, long max) {
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

    /**
     * A stream that gives at most {@code max} bytes of {@code in}, for a parser that reads as it goes.
     *
     * @return a stream that throws {@link TooLargeException} when {@code in} holds more than {@code max} bytes
     */
    static InputStream bounded(InputStream in, long max, String what) {
        return new FilterInputStream(in) {
            private long left = max;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                // one byte past the bound is asked for, so that a stream of exactly max bytes is no error
                int n = in.read(b, off, (int) Math.min(len, left + 1));
                if (n > 0) {
                    left -= n;
                    if (left < 0) {
                        throw new TooLargeException(what, max);
                    }
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                if (n <= 0) {
                    return 0;
                }
                // skipped bytes count like read ones: read and dropped
                return Math.max(read(new byte[(int) Math.min(n, 8192)]), 0);
            }

            @Override
            public boolean markSupported() {
                return false;
            }
        };
    }

    /** Text from a book (a path, an entry name) goes into a message: a hostile one must not make it megabytes long. */
    static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
