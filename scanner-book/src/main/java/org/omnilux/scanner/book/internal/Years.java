package org.omnilux.scanner.book.internal;

import java.time.Year;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Years from the dates books carry ({@code 2011}, {@code 2011-05-03T00:00:00Z}). */
final class Years {

    private static final Pattern LEADING_YEAR = Pattern.compile("^\\s*(\\d{4})(?:\\D|$)");

    private Years() {
    }

    /**
     * @return the year a date starts with, or {@code null}; Calibre's "unknown" date ({@code 0101-01-01}) and
     *         years in the future are not years
     */
    static Integer fromDate(String date) {
        if (date == null) {
            return null;
        }
        Matcher m = LEADING_YEAR.matcher(date);
        return m.find() ? plausible(Integer.parseInt(m.group(1))) : null;
    }

    static Integer plausible(int year) {
        return year >= 1000 && year <= Year.now().getValue() + 1 ? year : null;
    }
}
