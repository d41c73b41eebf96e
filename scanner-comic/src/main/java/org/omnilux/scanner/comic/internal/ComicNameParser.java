package org.omnilux.scanner.comic.internal;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Series, issue, volume and year from a comic's file name, for archives without ComicInfo.xml: the conventions
 * of scene releases, Mylar, Komga and Kavita — {@code Saga 001 (2012).cbz}, {@code Saga #1.cbz},
 * {@code Saga v02 (2013).cbz}, {@code Saga - 001 - Title.cbz}, {@code Saga Vol. 2 #5.cbz},
 * {@code Batman 050 (2018) (Digital) (Zone-Empire).cbr}.
 *
 * <p>Groups in brackets are tags (the first four-digit one is the year) and never part of the series. A name
 * that is only a number takes the series from its folder ({@code Saga/001.cbz}). Issue numbers are strings
 * ({@code 1}, {@code 1.5}, {@code 1A}, {@code ½}) with leading zeros dropped.
 *
 * <p>Pure string work, no I/O. Stateless and thread-safe.
 */
final class ComicNameParser {

    /** What a name says; every field may be {@code null}. */
    record ParsedComicName(String series, String issue, Integer volume, Integer year) {
    }

    private static final Pattern GROUP = Pattern.compile("[\\(\\[\\{]([^\\(\\)\\[\\]\\{\\}]*)[\\)\\]\\}]");
    private static final Pattern YEAR = Pattern.compile("^\\s*((?:19|20)\\d{2})\\s*$");
    private static final String NUMBER = "(\\d+(?:\\.\\d+)?[A-Za-z]?|½)";
    private static final Pattern VOLUME = Pattern.compile(
            "(?i)(?:^|(?<=[\\s\\-]))(?:v|vol\\.?|volume)\\s*(\\d{1,4})(?=$|[\\s\\-#])");
    private static final Pattern HASH = Pattern.compile("#\\s*" + NUMBER + "(?=$|[\\s\\-])");
    /** {@code Saga - 001 - Title}, {@code Saga - 001} */
    private static final Pattern DASHED = Pattern.compile("\\s-\\s+" + NUMBER + "(?=\\s+-\\s|\\s*$)");
    /** {@code Saga 001} */
    private static final Pattern TRAILING = Pattern.compile("(?:^|\\s)" + NUMBER + "\\s*$");
    /** {@code Saga 001 - Title} */
    private static final Pattern BEFORE_DASH = Pattern.compile("(?:^|\\s)" + NUMBER + "(?=\\s+-\\s)");
    private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=\\d)");

    ParsedComicName parse(Path file, Path root) {
        String name = FileNames.baseName(FileNames.name(file)).strip();
        if (!name.contains(" ")) {
            name = name.contains("_") ? name.replace('_', ' ') : name.replace('.', ' ');
        }

        Integer year = null;
        Matcher group = GROUP.matcher(name);
        while (group.find()) {
            Matcher y = YEAR.matcher(group.group(1));
            if (year == null && y.matches()) {
                year = Integer.valueOf(y.group(1));
            }
        }
        String s = GROUP.matcher(name).replaceAll(" ").replaceAll("\\s+", " ").strip();

        int cut = s.length();
        Integer volume = null;
        Matcher v = VOLUME.matcher(s);
        if (v.find()) {
            volume = Integer.valueOf(v.group(1));
            cut = v.start();
        }
        String issue = null;
        for (Pattern pattern : new Pattern[] {HASH, DASHED, TRAILING, BEFORE_DASH}) {
            Matcher m = pattern.matcher(s);
            // a number right after "v" is the volume, not an issue
            while (m.find()) {
                if (volume == null || m.start(1) < v.start() || m.start(1) >= v.end()) {
                    issue = normaliseIssue(m.group(1));
                    cut = Math.min(cut, m.start());
                    break;
                }
            }
            if (issue != null) {
                break;
            }
        }

        String series = s.substring(0, cut).replaceAll("[\\s\\-#:,.]+$", "").strip();
        if (series.isEmpty()) {
            series = folderSeries(file, root);
        }
        return new ParsedComicName(series, issue, volume, year);
    }

    /** {@code Saga/001.cbz}: the folder names the series, unless the file lies in the root itself. */
    private static String folderSeries(Path file, Path root) {
        Path parent = file.getParent();
        if (parent == null || parent.equals(root) || parent.getFileName() == null) {
            return null;
        }
        String folder = GROUP.matcher(parent.getFileName().toString()).replaceAll(" ").replaceAll("\\s+", " ").strip();
        return folder.isEmpty() ? null : folder;
    }

    /** {@code 001} → {@code 1}, {@code 001.5} → {@code 1.5}, {@code 01A} → {@code 1A}; blank → {@code null}. */
    static String normaliseIssue(String issue) {
        if (issue == null || issue.isBlank()) {
            return null;
        }
        return LEADING_ZEROS.matcher(issue.strip()).replaceFirst("");
    }
}
