package org.omnilux.scanner.book.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ISBN-10 and ISBN-13 recognition with check-digit validation. Pure and thread-safe. */
final class Isbn {

    private static final Pattern PREFIX = Pattern.compile("^(?:urn:)?isbn[:\\s]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern CANDIDATE = Pattern.compile("^(?:\\d{9}[\\dX]|\\d{13})$");

    private Isbn() {
    }

    /**
     * @param value an identifier as written: {@code urn:isbn:978-0-441-17271-9}, {@code ISBN 0441172717},
     *              {@code 9780441172719}
     * @return the ISBN without separators (upper-case {@code X}) when the value is one with a valid check digit,
     *         else {@code null}
     */
    static String normalise(String value) {
        if (value == null) {
            return null;
        }
        String v = PREFIX.matcher(value.strip()).replaceFirst("");
        v = v.replaceAll("[\\s\\-\u2010\u2011\u2012\u2013]", "").toUpperCase(Locale.ROOT);
        Matcher m = CANDIDATE.matcher(v);
        if (!m.matches()) {
            return null;
        }
        return v.length() == 10 ? (valid10(v) ? v : null) : (valid13(v) ? v : null);
    }

    /** @return {@code true} when the value carries an explicit ISBN marker ({@code urn:isbn:}, {@code ISBN}) */
    static boolean hasPrefix(String value) {
        return value != null && PREFIX.matcher(value.strip()).lookingAt();
    }

    private static boolean valid10(String v) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = v.charAt(i);
            int digit = c == 'X' ? 10 : c - '0';
            if (c == 'X' && i != 9) {
                return false;
            }
            sum += digit * (10 - i);
        }
        return sum % 11 == 0;
    }

    private static boolean valid13(String v) {
        if (!v.startsWith("978") && !v.startsWith("979")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            int digit = v.charAt(i) - '0';
            sum += i % 2 == 0 ? digit : digit * 3;
        }
        return sum % 10 == 0;
    }
}
