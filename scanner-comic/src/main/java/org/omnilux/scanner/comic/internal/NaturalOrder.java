package org.omnilux.scanner.comic.internal;

import java.util.Comparator;

/**
 * Orders entry paths as a person would: digits compare as numbers ({@code page2} before {@code page10}), letters
 * without case; a plain comparison breaks ties so the order is total. Thread-safe.
 */
final class NaturalOrder implements Comparator<String> {

    static final NaturalOrder INSTANCE = new NaturalOrder();

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int result = compareNumbers(a.substring(i, endA), b.substring(j, endB));
                if (result != 0) {
                    return result;
                }
                i = endA;
                j = endB;
            } else {
                int result = Character.compare(fold(ca), fold(cb));
                if (result != 0) {
                    // a folder separator sorts before any other character: "a/1.jpg" before "a 2/1.jpg"
                    if (ca == '/' || cb == '/') {
                        return ca == '/' ? -1 : 1;
                    }
                    return result;
                }
                i++;
                j++;
            }
        }
        int result = Integer.compare(a.length() - i, b.length() - j);
        return result != 0 ? result : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int start) {
        int end = start;
        while (end < s.length() && isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Compares digit runs of any length by value, without parsing (no overflow). */
    private static int compareNumbers(String a, String b) {
        String x = stripZeros(a);
        String y = stripZeros(b);
        int result = Integer.compare(x.length(), y.length());
        return result != 0 ? result : x.compareTo(y);
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }

    private static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }
}
