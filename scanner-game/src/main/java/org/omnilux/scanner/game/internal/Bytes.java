package org.omnilux.scanner.game.internal;

/** Little helpers to read header fields out of byte arrays; out-of-range reads give neutral values, never throw. */
final class Bytes {

    private Bytes() {
    }

    static int u8(byte[] bytes, int offset) {
        return offset >= 0 && offset < bytes.length ? bytes[offset] & 0xFF : -1;
    }

    static int u16le(byte[] bytes, int offset) {
        return offset >= 0 && offset + 1 < bytes.length ? (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8 : -1;
    }

    static long u32le(byte[] bytes, int offset) {
        if (offset < 0 || offset + 3 >= bytes.length) {
            return -1;
        }
        return (bytes[offset] & 0xFFL) | (bytes[offset + 1] & 0xFFL) << 8 | (bytes[offset + 2] & 0xFFL) << 16
                | (bytes[offset + 3] & 0xFFL) << 24;
    }

    static boolean matches(byte[] bytes, int offset, byte[] expected) {
        if (offset < 0 || offset + expected.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** ASCII text of a fixed-size field, without any check: for magic words and codes. */
    static String ascii(byte[] bytes, int offset, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = offset; i < offset + length && i < bytes.length; i++) {
            out.append((char) (bytes[i] & 0xFF));
        }
        return out.toString();
    }

    /**
     * A text field of a header: stops at the first NUL, drops trailing padding (spaces, NUL, 0xFF), collapses runs
     * of spaces. JIS X 0201 half-width katakana (0xA1–0xDF, used by Super NES titles) are kept when
     * {@code katakana}.
     *
     * @return the text, or {@code null} when the field is empty or holds anything unprintable (a garbage header)
     */
    static String text(byte[] bytes, int offset, int length, boolean katakana) {
        int end = Math.min(bytes.length, offset + length);
        if (offset < 0 || offset >= end) {
            return null;
        }
        StringBuilder out = new StringBuilder(length);
        for (int i = offset; i < end; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                break;
            }
            if (b >= 0x20 && b <= 0x7E) {
                out.append((char) b);
            } else if (katakana && b >= 0xA1 && b <= 0xDF) {
                out.append((char) (0xFF61 + b - 0xA1));
            } else if (b == 0xFF && allPadding(bytes, i, end)) {
                break;
            } else {
                return null;
            }
        }
        String text = out.toString().replaceAll(" {2,}", " ").trim();
        return text.isEmpty() ? null : text;
    }

    private static boolean allPadding(byte[] bytes, int from, int end) {
        for (int i = from; i < end; i++) {
            int b = bytes[i] & 0xFF;
            if (b != 0xFF && b != 0 && b != 0x20) {
                return false;
            }
        }
        return true;
    }

    /** @return {@code true} when the field is exactly {@code length} upper-case letters and digits */
    static boolean isCode(String value, int length) {
        if (value == null || value.length() != length) {
            return false;
        }
        for (char c : value.toCharArray()) {
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }
}
