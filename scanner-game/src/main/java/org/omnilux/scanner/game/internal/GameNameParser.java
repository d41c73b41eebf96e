package org.omnilux.scanner.game.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads title, year, region and disc number from ROM and disc image names as the preservation groups write them:
 * No-Intro ({@code Super Mario World (USA).sfc}, {@code Foo (USA, Europe) (Rev 1).sfc}), Redump
 * ({@code Final Fantasy VII (USA) (Disc 1).cue}), GoodTools ({@code Sonic (U) [!].gen}) and TOSEC
 * ({@code Game (1991)(Publisher)(US).md}). Pure string work: no I/O, thread-safe.
 */
final class GameNameParser {

    private static final Pattern TAG = Pattern.compile("\\(([^()]*)\\)|\\[([^\\[\\]]*)\\]");
    private static final Pattern YEAR = Pattern.compile("(19[5-9]\\d|20\\d\\d)(?:-\\d\\d(?:-\\d\\d)?)?");
    private static final Pattern DISC_TAG = Pattern.compile("(?:disc|disk|cd)\\s*(\\d{1,2})(?:\\s*of\\s*(\\d{1,2}))?",
            Pattern.CASE_INSENSITIVE);
    /** A disc number written without brackets at the end of the name: {@code Game - Disc 2}, {@code Game CD1}. */
    private static final Pattern DISC_SUFFIX = Pattern.compile("\\s*[-_]?\\s*\\b(?:disc|disk|cd)\\s*(\\d{1,2})$",
            Pattern.CASE_INSENSITIVE);
    /** Any disc marker, to build the set key shared by all discs of a set. */
    private static final Pattern ANY_DISC = Pattern.compile(
            "[-_]?\\s*[(\\[]?\\s*\\b(?:disc|disk|cd)\\s*\\d{1,2}(?:\\s*of\\s*\\d{1,2})?\\s*[)\\]]?",
            Pattern.CASE_INSENSITIVE);
    /** No-Intro moves leading articles to the end: {@code Legend of Zelda, The - A Link to the Past}. */
    private static final Pattern TRAILING_ARTICLE = Pattern.compile(
            "^(.+?), (The|A|An|Die|Der|Das|Le|La|Les|El|Il)((?: - |: ).*)?$");

    ParsedGameName parse(String fileName) {
        String base = FileNames.baseName(fileName);
        if (!base.contains(" ") && base.contains("_")) {
            base = base.replace('_', ' ');
        }
        Integer year = null;
        String region = null;
        Integer disc = null;
        Integer discTotal = null;

        Matcher tags = TAG.matcher(base);
        while (tags.find()) {
            String content = (tags.group(1) != null ? tags.group(1) : tags.group(2)).trim();
            Matcher discMatch = DISC_TAG.matcher(content);
            if (disc == null && discMatch.matches()) {
                disc = Integer.valueOf(discMatch.group(1));
                discTotal = discMatch.group(2) == null ? null : Integer.valueOf(discMatch.group(2));
                continue;
            }
            if (tags.group(1) == null) {
                continue; // [!], [b1], [T+Eng]: GoodTools dump flags say nothing we show
            }
            Matcher yearMatch = YEAR.matcher(content);
            if (year == null && yearMatch.matches()) {
                year = Integer.valueOf(yearMatch.group(1));
                continue;
            }
            if (region == null) {
                region = Regions.fromTag(content);
            }
        }

        String title = clean(TAG.matcher(base).replaceAll(" "));
        if (disc == null) {
            Matcher suffix = DISC_SUFFIX.matcher(title);
            if (suffix.find() && suffix.start() > 0) {
                disc = Integer.valueOf(suffix.group(1));
                title = clean(title.substring(0, suffix.start()));
            }
        }
        String setKey = disc == null ? base : ANY_DISC.matcher(base).replaceFirst(" ");
        setKey = clean(setKey).toLowerCase(Locale.ROOT);
        return new ParsedGameName(title.isEmpty() ? null : moveArticle(title), year, region, disc, discTotal, setKey);
    }

    private static String moveArticle(String title) {
        Matcher article = TRAILING_ARTICLE.matcher(title);
        if (article.matches()) {
            return article.group(2) + " " + article.group(1) + (article.group(3) == null ? "" : article.group(3));
        }
        return title;
    }

    /** Collapses whitespace and drops separators left dangling when tags were removed. */
    private static String clean(String text) {
        String collapsed = text.replaceAll("\\s+", " ").trim();
        while (collapsed.endsWith(" -") || collapsed.endsWith(",")) {
            collapsed = collapsed.substring(0, collapsed.length() - (collapsed.endsWith(",") ? 1 : 2)).trim();
        }
        while (collapsed.startsWith("- ")) {
            collapsed = collapsed.substring(2).trim();
        }
        return collapsed;
    }
}
