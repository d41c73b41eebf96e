package org.omnilux.scanner.audiobook.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a book's title, author, series and index from its names, in the layouts Audiobookshelf, Plex and
 * Libation produce:
 * <pre>
 *   Author/Book Title/…                          Author/Series/01 - Book Title/…
 *   Author/Series Name 1 - Book Title/…          Author/Series Name Book 1.5 - Book Title/…
 *   Author/Book Title (2012) {Narrator}/…        Author - Book Title.m4b (loose in the root)
 * </pre>
 * The container folders above the book are {@code [… , author, series]}: one folder is the author, two or more
 * are author and series (the last two). Pure string work.
 */
final class BookNameParser {

    private static final String INDEX = "(\\d{1,3}(?:\\.\\d{1,2})?)";
    /** {@code 01 - Title}, {@code Book 1 - Title}, {@code Vol. 2: Title}, {@code #3 - Title}, {@code 1. Title}. */
    private static final Pattern INDEX_TITLE = Pattern.compile(
            "^(?:(?:book|vol\\.?|volume|part|#)\\s*)?" + INDEX + "\\s*(?:[-:]\\s*|\\.\\s+)(.+)$", Pattern.CASE_INSENSITIVE);
    /** {@code Series Book 1 - Title}, {@code Series, Vol. 2 - Title}, {@code Series #3: Title}. */
    private static final Pattern SERIES_WORD_INDEX_TITLE = Pattern.compile(
            "^(.+?),?\\s+(?:book|vol\\.?|volume|#)\\s*" + INDEX + "\\s*[-:]\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    /** {@code Series 1 - Title}, {@code Series 1.5 - Title}. */
    private static final Pattern SERIES_INDEX_TITLE = Pattern.compile("^(.+?)\\s+" + INDEX + "\\s+-\\s+(.+)$");
    private static final Pattern NARRATOR = Pattern.compile("\\s*\\{([^}]+)}\\s*");
    private static final Pattern YEAR_IN_BRACKETS = Pattern.compile("\\s*[(\\[]((?:1[5-9]|20)\\d\\d)[)\\]]\\s*");
    private static final Pattern LEADING_YEAR = Pattern.compile("^((?:1[5-9]|20)\\d\\d)\\s+-\\s+(.+)$");
    private static final Pattern DASH = Pattern.compile("\\s+-\\s+");

    /**
     * @param bookName   the book folder's name, or a single-file book's file name without extension
     * @param containers the folders between the library root and the book, outermost first
     */
    ParsedBook parse(String bookName, List<String> containers) {
        String author = null;
        String series = null;
        if (containers.size() == 1) {
            author = clean(containers.get(0));
        } else if (containers.size() >= 2) {
            author = clean(containers.get(containers.size() - 2));
            series = clean(containers.get(containers.size() - 1));
        }
        String name = spaces(bookName);
        String narrator = null;
        Matcher m = NARRATOR.matcher(name);
        if (m.find()) {
            narrator = clean(m.group(1));
            name = (name.substring(0, m.start()) + " " + name.substring(m.end())).trim();
        }
        Integer year = null;
        m = YEAR_IN_BRACKETS.matcher(name);
        if (m.find()) {
            year = Integer.valueOf(m.group(1));
            name = (name.substring(0, m.start()) + " " + name.substring(m.end())).trim();
        }
        Double index = null;
        if ((m = INDEX_TITLE.matcher(name)).matches()) {
            index = Double.valueOf(m.group(1)); // a number only means something inside a series
            name = m.group(2);
        } else if ((m = SERIES_WORD_INDEX_TITLE.matcher(name)).matches()
                || (m = SERIES_INDEX_TITLE.matcher(name)).matches()) {
            series = clean(m.group(1));
            index = Double.valueOf(m.group(2));
            name = m.group(3);
        }
        if (year == null && (m = LEADING_YEAR.matcher(name)).matches()) {
            year = Integer.valueOf(m.group(1));
            name = m.group(2);
        }
        if (author == null && series == null && index == null) {
            String[] parts = DASH.split(name, 2); // "Author - Title", loose in the root
            if (parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank() && !parts[0].matches(".*\\d.*")) {
                author = clean(parts[0]);
                name = parts[1];
            }
        }
        return new ParsedBook(clean(name), author, series, series == null ? null : index, year, narrator);
    }

    /** A part's title from its file name: {@code 03 - The Storm} → {@code The Storm}; {@code 03} stays. */
    static String partTitle(String baseName) {
        String name = spaces(baseName);
        Matcher m = Pattern.compile("^(?:track\\s*)?\\d{1,3}\\s*(?:[-._)]\\s*|\\s+)(.+)$", Pattern.CASE_INSENSITIVE)
                .matcher(name);
        return m.matches() && m.group(1).matches(".*\\p{L}.*") ? m.group(1).trim() : name;
    }

    private static String spaces(String name) {
        return name.indexOf(' ') < 0 ? name.replace('_', ' ').trim() : name.trim();
    }

    private static String clean(String value) {
        String v = value == null ? "" : value.trim();
        return v.isEmpty() ? null : v;
    }
}
