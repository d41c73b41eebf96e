package org.omnilux.scanner.movie.internal;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads title, year, edition, provider ids and part number from a movie's file name and the name of its
 * folder, following the naming conventions of Kodi, Jellyfin, Plex and Radarr as well as scene release
 * names ({@code Title.2010.1080p.BluRay.x264-GROUP}). Pure string work: no I/O, thread-safe.
 */
public final class MovieNameParser {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    // \b only knows ASCII words; these also treat "é" and "千" as word characters
    private static final String WORD_START = "(?<![\\p{L}\\p{N}])";
    private static final String WORD_END = "(?![\\p{L}\\p{N}])";
    private static final String SEP = "[ ._-]+";

    // Plex/Jellyfin suffixes ("Movie (2010)-trailer"); samples and trailers also come as ".sample", "_trailer2"
    private static final Pattern EXTRA_SUFFIX = Pattern.compile("(?:[-._]\\s*(?:trailer|sample)"
            + "|-\\s*(?:featurette|behindthescenes|deleted|deletedscene|interview|scene|short|other|clip|extra))"
            + "[0-9]*$", FLAGS);
    private static final Pattern EXTRA_WHOLE_NAME = Pattern.compile("(?:sample|trailer)[0-9]*|sample[-_].*", FLAGS);

    private static final Pattern TMDB_TAG = Pattern.compile(
            "[\\[{(]\\s*tmdb(?:id)?\\s*[-=:\\s]\\s*([0-9]{1,9})\\s*[\\]})]", FLAGS);
    private static final Pattern IMDB_TAG = Pattern.compile(
            "[\\[{(]\\s*imdb(?:id)?\\s*[-=:\\s]\\s*(tt[0-9]{7,10})\\s*[\\]})]", FLAGS);
    private static final Pattern BARE_IMDB_ID = Pattern.compile(WORD_START + "(tt[0-9]{7,10})" + WORD_END, FLAGS);
    private static final Pattern EDITION_TAG = Pattern.compile("\\{\\s*edition\\s*-\\s*([^}]*)\\}", FLAGS);
    private static final Pattern EDITION_PHRASE = Pattern.compile(WORD_START + "(?:"
            + "director(?:'|’)?s" + SEP + "cut"
            + "|(?:extended|unrated|uncut|theatrical|ultimate|special|collector(?:'|’)?s|imax)" + SEP
            + "(?:edition|cut|version)"
            + "|[0-9]{2}(?:st|nd|rd|th)" + SEP + "anniversary(?:" + SEP + "edition)?"
            + "|final" + SEP + "cut"
            + "|extended|unrated|uncut|theatrical|remastered|imax"
            + ")" + WORD_END, FLAGS);
    // "Movie - Director's Cut" at the end of a title (a bare trailing "Final Cut" may be the title itself)
    private static final Pattern DASHED_EDITION_AT_END = Pattern.compile(
            "\\s+[-–]\\s+(" + EDITION_PHRASE.pattern() + ")\\s*$", FLAGS);
    private static final Pattern BRACKET_GROUP = Pattern.compile("[\\[({]([^\\[\\](){}]*)[\\])}]");
    private static final Pattern SQUARE_OR_CURLY_GROUP = Pattern.compile("\\[[^\\]]*\\]|\\{[^}]*\\}");

    private static final Pattern PART = Pattern.compile(
            WORD_START + "(cd|dvd|part|pt|disc|disk)([ ._-]?)([0-9]{1,2})" + WORD_END, FLAGS);

    private static final String YEAR = "(18[89][0-9]|19[0-9]{2}|20[0-9]{2})";
    private static final Pattern BRACKETED_YEAR = Pattern.compile("[(\\[]\\s*" + YEAR + "\\s*[)\\]]");
    private static final Pattern BARE_YEAR = Pattern.compile(WORD_START + YEAR + WORD_END);

    // tags that never belong to a title: where one starts, the title has ended
    private static final Pattern RELEASE_TAG = Pattern.compile(WORD_START + "(?:"
            + "[0-9]{3,4}[pi]|4k|8k|uhd|hdr10(?:\\+|plus)?|dolby[ ._-]?vision"
            + "|blu-?ray|bd-?rip|br-?rip|bd-?remux|remux|web-?dl|web-?rip|hdtv|hd-?rip|dvd-?rip|dvd-?scr|hd-?cam"
            + "|[xh]\\.?26[45]|hevc|xvid|divx|10-?bit"
            + "|dts-?hd(?:-?ma)?|truehd|atmos|e?ac3|aac(?:[0-9.]+)?|ddp?[0-9.]+"
            + "|proper|repack"
            + ")" + WORD_END, FLAGS);
    // tags that are also ordinary words, so they end a title only in dotted scene names
    private static final Pattern SCENE_ONLY_TAG = Pattern.compile(WORD_START
            + "(?:hdr|sdr|internal|limited|subbed|dubbed|dvdr|dvd[59]|read-?nfo)" + WORD_END, FLAGS);

    private static final Set<String> GENERIC_TITLES = Set.of("movie", "film", "video", "feature", "mainfeature",
            "main");
    private static final Pattern SCENE_SHORTHAND = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final int latestYear;
    private final Set<String> extrasFolders;

    /** A parser that accepts release years up to two years from now (announced titles), with the default extras. */
    public MovieNameParser() {
        this(MovieSettings.DEFAULTS.extrasFolders());
    }

    /** @param extrasFolders lower-case names of folders holding extras rather than movies */
    MovieNameParser(Set<String> extrasFolders) {
        this(Year.now().getValue() + 2, extrasFolders);
    }

    /** @param latestYear the latest number read as a release year; higher ones are title words ("2049") */
    MovieNameParser(int latestYear) {
        this(latestYear, MovieSettings.DEFAULTS.extrasFolders());
    }

    MovieNameParser(int latestYear, Set<String> extrasFolders) {
        this.latestYear = latestYear;
        this.extrasFolders = Set.copyOf(extrasFolders);
    }

    /**
     * @param file the movie file
     * @param root the library root; a file directly in the root has no movie folder to learn from
     */
    public ParsedMovieName parse(Path file, Path root) {
        return parse(FileNames.name(file), FileNames.inOwnFolder(file, root) ? FileNames.name(file.getParent()) : null);
    }

    /**
     * @param fileName   the file name with its extension
     * @param folderName the name of the folder holding the file, or {@code null} when it is the library root
     */
    public ParsedMovieName parse(String fileName, String folderName) {
        String baseName = FileNames.baseName(fileName);
        boolean extra = isExtra(baseName, folderName);
        NameParts fromFile = parseName(baseName);
        NameParts fromFolder = folderName == null ? null : parseName(folderName);
        if (fromFolder == null || fromFolder.title == null) {
            return fromFile.toParsed(extra);
        }

        boolean fileIsGeneric = fromFile.title == null || GENERIC_TITLES.contains(comparable(fromFile.title));
        boolean sameTitle = fromFile.title != null && comparable(fromFile.title).equals(comparable(fromFolder.title));
        boolean onlyFolderHasYear = fromFile.year == null && fromFolder.year != null;
        // a curated folder ("X-Men (2000)") names the movie better than "x-men.mkv" or "grp-xmen1080p.mkv"
        boolean preferFolder = fileIsGeneric
                || onlyFolderHasYear && (sameTitle || SCENE_SHORTHAND.matcher(baseName).matches());
        boolean sameMovie = preferFolder || sameTitle
                || fromFile.year != null && fromFile.year.equals(fromFolder.year);
        if (!sameMovie) {
            // e.g. a collection folder: its ids and edition are not this movie's
            return fromFile.toParsed(extra);
        }
        String title = preferFolder ? fromFolder.title : fromFile.title;
        Integer year = preferFolder ? firstNonNull(fromFolder.year, fromFile.year)
                : firstNonNull(fromFile.year, fromFolder.year);
        return new ParsedMovieName(title, year,
                firstNonNull(fromFile.edition, fromFolder.edition),
                firstNonNull(fromFile.tmdbId, fromFolder.tmdbId),
                firstNonNull(fromFile.imdbId, fromFolder.imdbId),
                fromFile.part, extra);
    }

    private boolean isExtra(String baseName, String folderName) {
        if (folderName != null && extrasFolders.contains(folderName.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return EXTRA_SUFFIX.matcher(baseName).find() || EXTRA_WHOLE_NAME.matcher(baseName).matches();
    }

    /** Parses one name: a file name without extension, or a folder name. */
    private NameParts parseName(String name) {
        NameParts parts = new NameParts();
        String s = name;

        Matcher tmdb = TMDB_TAG.matcher(s);
        if (tmdb.find()) {
            parts.tmdbId = positiveIntOrNull(tmdb.group(1));
            s = cut(s, tmdb);
        }
        Matcher imdb = IMDB_TAG.matcher(s);
        boolean imdbFound = imdb.find();
        if (!imdbFound) {
            imdb = BARE_IMDB_ID.matcher(s);
            imdbFound = imdb.find();
        }
        if (imdbFound) {
            parts.imdbId = imdb.group(1).toLowerCase(Locale.ROOT);
            s = cut(s, imdb);
        }
        Matcher editionTag = EDITION_TAG.matcher(s);
        if (editionTag.find()) {
            parts.edition = blankToNull(editionTag.group(1));
            s = cut(s, editionTag);
        }
        if (parts.edition == null) {
            s = takeBracketedEdition(s, parts);
        }

        boolean sceneStyle = isSceneStyle(s);
        Span year = findYear(s, sceneStyle);
        Span part = findPart(s, year);
        if (part != null) {
            parts.part = part.value;
            s = s.substring(0, part.start) + " " + s.substring(part.end);
            year = findYear(s, sceneStyle);
        }

        String titleRegion;
        String tail;
        if (year != null) {
            parts.year = year.value;
            titleRegion = s.substring(0, year.start);
            tail = s.substring(year.end);
        } else {
            int end = firstTag(s, sceneStyle, 0);
            titleRegion = s.substring(0, end);
            tail = s.substring(end);
            if (sceneStyle && parts.edition == null) {
                // "Movie.Extended.1080p": in a dotted name the edition ends the title
                Matcher edition = EDITION_PHRASE.matcher(titleRegion);
                if (edition.find() && edition.start() > 0) {
                    parts.edition = normaliseEdition(edition.group());
                    titleRegion = titleRegion.substring(0, edition.start());
                }
            }
        }
        if (parts.edition == null) {
            Matcher edition = EDITION_PHRASE.matcher(tail);
            if (edition.find()) {
                parts.edition = normaliseEdition(edition.group());
            }
        }
        if (parts.edition == null) {
            Matcher dashed = DASHED_EDITION_AT_END.matcher(titleRegion);
            if (dashed.find()) {
                parts.edition = normaliseEdition(dashed.group(1));
                titleRegion = titleRegion.substring(0, dashed.start());
            }
        }
        parts.title = cleanTitle(titleRegion, sceneStyle);
        return parts;
    }

    /** Finds an edition written in brackets, "(Director's Cut)" or "[Extended Edition]", and removes it. */
    private static String takeBracketedEdition(String s, NameParts parts) {
        Matcher group = BRACKET_GROUP.matcher(s);
        while (group.find()) {
            Matcher edition = EDITION_PHRASE.matcher(group.group(1));
            if (edition.find()) {
                parts.edition = normaliseEdition(edition.group());
                return cut(s, group);
            }
        }
        return s;
    }

    /** Dotted or underscored names without spaces are scene style: their separators are not punctuation. */
    private static boolean isSceneStyle(String s) {
        int separators = 0;
        int spaces = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' || c == '_') {
                separators++;
            } else if (c == ' ') {
                spaces++;
            }
        }
        return separators > spaces;
    }

    /**
     * The release year: the last year in brackets, else the last bare year before the release tags. A number
     * at the very start is the title ("1917", "2001 A Space Odyssey"), as is one in the future ("2049").
     */
    private Span findYear(String s, boolean sceneStyle) {
        Span bracketed = null;
        Matcher inBrackets = BRACKETED_YEAR.matcher(s);
        while (inBrackets.find()) {
            int value = Integer.parseInt(inBrackets.group(1));
            if (value <= latestYear && hasTitleBefore(s, inBrackets.start())) {
                bracketed = new Span(inBrackets.start(), inBrackets.end(), value);
            }
        }
        if (bracketed != null) {
            return bracketed;
        }
        int tagsStart = Math.min(firstTag(s, sceneStyle, 1), firstEdition(s));
        Span lastBeforeTags = null;
        Span firstAfterTags = null;
        Matcher bare = BARE_YEAR.matcher(s);
        while (bare.find()) {
            int value = Integer.parseInt(bare.group(1));
            if (value > latestYear || !hasTitleBefore(s, bare.start())) {
                continue;
            }
            Span span = new Span(bare.start(), bare.end(), value);
            if (bare.start() < tagsStart) {
                lastBeforeTags = span;
            } else if (firstAfterTags == null) {
                firstAfterTags = span;
            }
        }
        return lastBeforeTags != null ? lastBeforeTags : firstAfterTags;
    }

    private static boolean hasTitleBefore(String s, int index) {
        return s.substring(0, index).codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /**
     * A part marker ("cd1", "part2", "disc 1"). Before the year it belongs to the title ("Deathly Hallows
     * Part 1 (2010)"), and so does a plain "Title Part 2" without a year.
     */
    private static Span findPart(String s, Span year) {
        Span found = null;
        Matcher m = PART.matcher(s);
        while (m.find()) {
            String keyword = m.group(1).toLowerCase(Locale.ROOT);
            String gap = m.group(2);
            int number = Integer.parseInt(m.group(3));
            if (number < 1 || year != null && m.start() < year.end) {
                continue;
            }
            if (keyword.equals("dvd") && gap.isEmpty() && (number == 5 || number == 9)) {
                continue; // DVD5 and DVD9 are disc formats
            }
            if (year == null && keyword.equals("part") && gap.equals(" ") && followsWordAfterSpace(s, m.start())) {
                continue;
            }
            found = new Span(m.start(), m.end(), number);
        }
        return found;
    }

    private static boolean followsWordAfterSpace(String s, int index) {
        if (index == 0 || !Character.isWhitespace(s.charAt(index - 1))) {
            return false;
        }
        String before = s.substring(0, index).stripTrailing();
        return !before.isEmpty() && Character.isLetterOrDigit(before.codePointBefore(before.length()));
    }

    /** @return the index of the first release tag at or after {@code from}, or the length of {@code s} */
    private static int firstTag(String s, boolean sceneStyle, int from) {
        int first = s.length();
        Matcher tag = RELEASE_TAG.matcher(s);
        if (tag.find(from)) {
            first = tag.start();
        }
        if (sceneStyle) {
            Matcher sceneTag = SCENE_ONLY_TAG.matcher(s);
            if (sceneTag.find(from)) {
                first = Math.min(first, sceneTag.start());
            }
        }
        return first;
    }

    private static int firstEdition(String s) {
        Matcher edition = EDITION_PHRASE.matcher(s);
        return edition.find(1) ? edition.start() : s.length();
    }

    private static String cleanTitle(String region, boolean sceneStyle) {
        String title = clean(SQUARE_OR_CURLY_GROUP.matcher(region).replaceAll(" "), sceneStyle);
        if (title == null && SQUARE_OR_CURLY_GROUP.matcher(region).find()) {
            // "[REC] (2007)": the brackets were the title
            title = clean(region, sceneStyle);
        }
        return title;
    }

    private static String clean(String text, boolean sceneStyle) {
        String title = text;
        Matcher tag = RELEASE_TAG.matcher(title);
        if (tag.find()) {
            title = title.substring(0, tag.start());
        }
        title = title.replace('_', ' ');
        if (sceneStyle) {
            title = dotsToSpaces(title);
        }
        title = WHITESPACE.matcher(title).replaceAll(" ");
        title = stripEdges(title);
        return title.isEmpty() ? null : title;
    }

    /** "E.T.the.Extra-Terrestrial" → "E.T. the Extra-Terrestrial": single letters in a row are an acronym. */
    private static String dotsToSpaces(String s) {
        String[] tokens = s.split("\\.", -1);
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < tokens.length) {
            int run = i;
            while (run < tokens.length && isSingleLetter(tokens[run])) {
                run++;
            }
            if (run - i >= 2) {
                words.add(String.join(".", List.of(tokens).subList(i, run)) + ".");
                i = run;
            } else {
                words.add(tokens[i]);
                i++;
            }
        }
        return String.join(" ", words);
    }

    private static boolean isSingleLetter(String token) {
        return token.length() == 1 && Character.isLetter(token.charAt(0));
    }

    private static String stripEdges(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && " -–—:,;)]}".indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && " -–—:,;([{".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    /** "directors.cut" → "Director's Cut", "EXTENDED" → "Extended", "imax" → "IMAX". */
    private static String normaliseEdition(String raw) {
        String[] words = raw.toLowerCase(Locale.ROOT).replace('’', '\'').split("[ ._-]+");
        List<String> out = new ArrayList<>();
        for (String word : words) {
            switch (word) {
                case "imax" -> out.add("IMAX");
                case "directors", "director's" -> out.add("Director's");
                case "collectors", "collector's" -> out.add("Collector's");
                default -> out.add(word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
            }
        }
        return String.join(" ", out);
    }

    /** Folds case, accents and punctuation so "Amélie" and "amelie" compare equal. */
    private static String comparable(String title) {
        String folded = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFD)).replaceAll("");
        return NOT_LETTER_OR_DIGIT.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private static String cut(String s, Matcher m) {
        return s.substring(0, m.start()) + " " + s.substring(m.end());
    }

    private static Integer positiveIntOrNull(String digits) {
        try {
            int value = Integer.parseInt(digits);
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }

    private record Span(int start, int end, int value) {
    }

    /** The values one name holds, filled while parsing. */
    private static final class NameParts {
        String title;
        Integer year;
        String edition;
        Integer tmdbId;
        String imdbId;
        Integer part;

        ParsedMovieName toParsed(boolean extra) {
            return new ParsedMovieName(title, year, edition, tmdbId, imdbId, part, extra);
        }
    }
}
