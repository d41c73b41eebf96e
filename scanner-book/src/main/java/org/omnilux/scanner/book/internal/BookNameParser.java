package org.omnilux.scanner.book.internal;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Title, author and year from a book's file name, for formats without readable metadata and as the fallback for
 * those with: {@code Author - Title.mobi}, {@code Title (Year).txt}, {@code Author - Title (Year) [retail].epub}.
 * A Calibre library ({@code Author/Title (12)/Title - Author.epub}) is recognised by the author's folder.
 *
 * <p>Pure string work, no I/O. Stateless and thread-safe.
 */
final class BookNameParser {

    /** A trailing group in brackets or parentheses: {@code (1965)}, {@code [retail]}, {@code (epub)}. */
    private static final Pattern TRAILING_GROUP = Pattern.compile("\\s*[\\(\\[\\{]([^\\(\\)\\[\\]\\{\\}]*)[\\)\\]\\}]\\s*$");
    private static final Pattern YEAR = Pattern.compile("^\\s*(\\d{4})\\s*$");
    /** Calibre names book folders {@code Title (123)}: the id is not part of the title. */
    private static final Pattern CALIBRE_ID = Pattern.compile("\\s*\\(\\d+\\)$");

    /** What a name says; {@code author} and {@code year} may be {@code null}, {@code title} never is. */
    record ParsedBookName(String title, String author, Integer year) {
    }

    ParsedBookName parse(Path file) {
        String base = FileNames.baseName(FileNames.name(file)).strip();
        if (!base.contains(" ") && base.contains("_")) {
            base = base.replace('_', ' ');
        }
        Integer year = null;
        String rest = base;
        Matcher group;
        while ((group = TRAILING_GROUP.matcher(rest)).find() && group.start() > 0) {
            Matcher y = YEAR.matcher(group.group(1));
            if (year == null && y.matches()) {
                year = Years.plausible(Integer.parseInt(y.group(1)));
            }
            rest = rest.substring(0, group.start());
        }
        rest = rest.strip();
        if (rest.isEmpty()) {
            return new ParsedBookName(base, null, null);
        }

        String author = null;
        String title = rest;
        int dash = rest.indexOf(" - ");
        if (dash > 0) {
            String left = rest.substring(0, dash).strip();
            String right = rest.substring(dash + 3).strip();
            if (!left.isEmpty() && !right.isEmpty()) {
                if (isFolderName(file, 2, right) || isFolderName(file, 1, right) && !isFolderName(file, 1, left)) {
                    // Calibre: Author/Title (id)/Title - Author.epub
                    title = left;
                    author = right;
                } else {
                    author = left;
                    title = right;
                }
            }
        }
        return new ParsedBookName(title, author, year);
    }

    /** @return {@code true} when the folder {@code levels} up from the file is named {@code name} */
    private static boolean isFolderName(Path file, int levels, String name) {
        Path folder = file.getParent();
        for (int i = 1; i < levels && folder != null; i++) {
            folder = folder.getParent();
        }
        String folderName = FileNames.name(folder);
        return !folderName.isEmpty() && CALIBRE_ID.matcher(folderName).replaceFirst("").equalsIgnoreCase(name);
    }
}
