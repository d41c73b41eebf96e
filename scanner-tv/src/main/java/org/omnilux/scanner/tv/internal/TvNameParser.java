package org.omnilux.scanner.tv.internal;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads show, season, episode, episode range, air date, absolute number and episode title from an episode's
 * file name and the names of its season and show folders, following the conventions of Kodi, Jellyfin, Plex
 * and Sonarr, scene release names ({@code show.name.s03e10.720p.hdtv.x264-grp}) and anime fansub releases
 * ({@code [Group] Show - 12 [1080p]}). Pure string work: no I/O, thread-safe.
 *
 * <p>Rules where the conventions disagree:
 * <ul>
 * <li>The show folder names the show (as in Plex, Jellyfin and Sonarr); the file name only when there is no show
 * folder. The library root is a library of shows, never a show folder itself.</li>
 * <li>A season number in the file name wins over the season folder's.</li>
 * <li>A bare number ({@code Show - 12}, {@code [Group] Show 12}) is an absolute episode number, except in a
 * season folder, where {@code Show - 05} and {@code 05 - Title} are episodes of that season; fansub releases
 * ({@code [Group]} prefix) are always numbered absolutely unless they name a season ({@code Show S2 - 05}).</li>
 * <li>Date-based episodes get their air date, and a season only from a season folder ({@code Season 2024}).</li>
 * <li>Extras ({@code Extras/}, {@code Featurettes/}, {@code -sample}…) are not episodes. A top-level folder
 * named like an extras folder is a show ({@code Extras (2005)}) when it holds episodes.</li>
 * </ul>
 */
public final class TvNameParser {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    // \b only knows ASCII words; these also treat "é" and "千" as word characters
    private static final String WORD_START = "(?<![\\p{L}\\p{N}])";
    private static final String WORD_END = "(?![\\p{L}\\p{N}])";

    // Jellyfin/Plex suffixes ("Show - S01E01-featurette"); scene samples come as "-sample", ".sample", "_sample"
    private static final Pattern EXTRA_SUFFIX = Pattern.compile("(?:[-._](?:sample|trailer)"
            + "|-(?:featurette|behindthescenes|deleted|deletedscene|interview|scene|short|other|clip|extra))"
            + "[0-9]*$", FLAGS);
    private static final Pattern EXTRA_NAME = Pattern.compile("(?:sample|trailer)[0-9]*|sample[-._].*", FLAGS);

    private static final Pattern SEASON_FOLDER = Pattern.compile("(?:season|series|staffel|saison|temporada|stagione"
            + "|seizoen|sezon|sæson|säsong)[ ._-]*([0-9]{1,4})(?:[ ._-].*)?", FLAGS);
    private static final Pattern SHORT_SEASON_FOLDER = Pattern.compile("s([0-9]{1,4})", FLAGS);
    private static final Pattern SPECIALS_FOLDER = Pattern.compile("(?:season[ ._-]*)?specials?", FLAGS);
    // a scene season pack: "Breaking.Bad.S01.1080p.BluRay.x264-GRP", "Show Name - Season 2"
    private static final Pattern SEASON_PACK_FOLDER = Pattern.compile("(.*?)[ ._-]+(?:s([0-9]{1,2})"
            + "|(?:season|series)[ ._-]*([0-9]{1,3}))" + WORD_END + ".*", FLAGS);

    private static final Pattern PROVIDER_TAG = Pattern.compile(
            "[\\[{(]\\s*(?:tvdb|tmdb|imdb|anidb)(?:id)?\\s*[-=:\\s]\\s*[a-z0-9]+\\s*[\\]})]", FLAGS);
    private static final Pattern LEADING_GROUP = Pattern.compile("^\\s*\\[[^\\]]*\\][\\s_.-]*");
    private static final Pattern SQUARE_OR_CURLY_GROUP = Pattern.compile("\\[[^\\]]*\\]|\\{[^}]*\\}");
    private static final Pattern ROUND_GROUP = Pattern.compile("\\(([^()]*)\\)");

    // S01E02, s1e2, S01.E02, S01E01E02, S01E01-E03, S01E01-03, S01E01-S01E02
    private static final Pattern SEASON_EPISODE = Pattern.compile(WORD_START
            + "s([0-9]{1,4})[ ._-]?e([0-9]{1,4})"
            + "((?:[ ._-]?e[0-9]{1,4}|[-+]e?[0-9]{1,4}|(?:[ ._]?-[ ._]?|[ ._])s[0-9]{1,4}[ ._-]?e[0-9]{1,4})*)"
            + WORD_END, FLAGS);
    // 1x02, 01x02, 1x02-1x03, 1x02x03
    private static final Pattern CROSS_EPISODE = Pattern.compile(WORD_START
            + "([0-9]{1,2})x([0-9]{2,3})((?:-(?:[0-9]{1,2}x)?[0-9]{2,3}|x[0-9]{2,3})*)" + WORD_END, FLAGS);
    private static final Pattern DATE = Pattern.compile(WORD_START
            + "((?:19|20)[0-9]{2})[ ._-]([0-9]{1,2})[ ._-]([0-9]{1,2})" + WORD_END);
    // "Show - 12", "Show - 012v2", "Show - 05 - Title": a number between dashes (brackets already removed)
    private static final Pattern DASHED_NUMBER = Pattern.compile(
            "(?<=\\s)-\\s+([0-9]{1,4})(?:v[0-9]{1,2})?(?=\\s*$|\\s+-\\s)", FLAGS);
    // "E05", "Ep05", "Ep. 5", "Episode 5", "Episode 05-06", "Folge 3", "Épisode 4"
    private static final Pattern EPISODE_WORD = Pattern.compile(WORD_START
            + "(?:episode[ ._-]?|[ée]pisode[ ._-]?|episodio[ ._-]?|folge[ ._-]?|ep\\.?[ _-]?|e)([0-9]{1,4})(?:v[0-9]{1,2})?(?:-(?:e|ep)?([0-9]{1,4}))?" + WORD_END,
            FLAGS);
    // in a season folder: "05 - Title", "05. Title", "05 Title", "05"
    private static final Pattern LEADING_NUMBER = Pattern.compile(
            "^([0-9]{1,3})(?:v[0-9]{1,2})?(?:\\s*-\\s*|\\.\\s+|\\s+|$)(.*)$", FLAGS);
    // elsewhere only "05 - Title": "9-1-1" and "24" are shows
    private static final Pattern LEADING_NUMBER_DASHED = Pattern.compile(
            "^([0-9]{1,3})(?:v[0-9]{1,2})?\\s+-\\s+(.+)$", FLAGS);
    private static final Pattern TRAILING_NUMBER = Pattern.compile(
            "^(.*\\S)\\s+([0-9]{1,4})(?:v[0-9]{1,2})?$", FLAGS);
    // "[Group] Show S2 - 05", "Show 2nd Season - 05", "Show Season 2 - 05": an anime release naming its season
    private static final Pattern ANIME_SEASON = Pattern.compile(
            "^(.*?)\\s+(?:s([0-9]{1,2})|([0-9]{1,2})(?:st|nd|rd|th)\\s+season|season\\s+([0-9]{1,2}))$", FLAGS);
    // Sonarr's anime format: "Show - S01E12 - 012 - Title"
    private static final Pattern ABSOLUTE_AFTER_MARKER = Pattern.compile(
            "^\\s*-\\s+([0-9]{3,4})(?:(\\s+-\\s)|\\s*$)", FLAGS);

    private static final String YEAR = "(19[0-9]{2}|20[0-9]{2})";
    private static final Pattern BRACKETED_YEAR_AT_END = Pattern.compile("^(.*?)\\s*[(\\[]\\s*" + YEAR + "\\s*[)\\]]$");
    private static final Pattern BARE_YEAR_AT_END = Pattern.compile("^(.*\\S)\\s+" + YEAR + "$");
    private static final Pattern YEAR_ONLY = Pattern.compile("\\s*" + YEAR + "\\s*");

    // tags that never belong to a title: where one starts, the title has ended
    private static final Pattern RELEASE_TAG = Pattern.compile(WORD_START + "(?:"
            + "[0-9]{3,4}[pi]|4k|uhd|hdr10(?:\\+|plus)?|dolby[ ._-]?vision"
            + "|blu-?ray|bd-?rip|br-?rip|bd-?remux|remux|web-?dl|web-?rip|hdtv|pdtv|sdtv|hd-?rip|dvd-?rip"
            + "|[xh]\\.?26[45]|hevc|xvid|divx|10-?bit"
            + "|dts-?hd(?:-?ma)?|truehd|atmos|e?ac3|aac(?:[0-9.]+)?|ddp?[0-9.]+"
            + "|proper|repack"
            + ")" + WORD_END, FLAGS);
    // tags that are also ordinary words, so they end a title only in dotted scene names
    private static final Pattern SCENE_ONLY_TAG = Pattern.compile(WORD_START + "(?:"
            + "web|hdr|internal|limited|subbed|dubbed|multi|dl|german|french|amzn|nf|dsnp|hmax|atvp|hulu|pcok"
            + "|read-?nfo"
            + ")" + WORD_END, FLAGS);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final int latestYear;
    private final Set<String> extrasFolders;

    /** A parser that accepts years up to two years from now, with the default extras folders. */
    public TvNameParser() {
        this(TvSettings.DEFAULTS.extrasFolders());
    }

    /** @param extrasFolders lower-case names of folders holding extras rather than episodes */
    TvNameParser(Set<String> extrasFolders) {
        this(Year.now().getValue() + 2, extrasFolders);
    }

    /** @param latestYear the latest number read as a year; higher ones are title words */
    TvNameParser(int latestYear) {
        this(latestYear, TvSettings.DEFAULTS.extrasFolders());
    }

    TvNameParser(int latestYear, Set<String> extrasFolders) {
        this.latestYear = latestYear;
        this.extrasFolders = Set.copyOf(extrasFolders);
    }

    /**
     * @param file an episode file
     * @param root the library root it was found under
     * @return what the names say, or empty when the file is an extra or a sample rather than an episode
     */
    public Optional<ParsedEpisode> parse(Path file, Path root) {
        List<String> folders = new ArrayList<>();
        Path parent = file.getParent();
        if (root != null && parent != null && parent.startsWith(root)) {
            for (Path folder : root.relativize(parent)) {
                if (!folder.toString().isEmpty()) {
                    folders.add(folder.toString());
                }
            }
        } else if (parent != null && parent.getFileName() != null) {
            folders.add(parent.getFileName().toString());
        }
        return parse(folders, FileNames.name(file));
    }

    /**
     * @param relativePath a file's path below the library root, with {@code /} between names
     *                     ({@code Show/Season 01/Show - S01E02.mkv})
     */
    public Optional<ParsedEpisode> parse(String relativePath) {
        List<String> names = new ArrayList<>(List.of(relativePath.split("/")));
        String fileName = names.remove(names.size() - 1);
        return parse(names, fileName);
    }

    /**
     * @param file an episode file
     * @param root the library root
     * @return its season and show folders, from their names only
     */
    public static EpisodeFolders folders(Path file, Path root) {
        Path parent = file.getParent();
        if (parent == null || parent.equals(root) || root != null && !parent.startsWith(root)) {
            return new EpisodeFolders(null, null);
        }
        if (seasonOfFolder(FileNames.name(parent)) == null) {
            return new EpisodeFolders(null, parent);
        }
        Path grandparent = parent.getParent();
        boolean showFolder = grandparent != null && !grandparent.equals(root)
                && (root == null || grandparent.startsWith(root));
        return new EpisodeFolders(parent, showFolder ? grandparent : null);
    }

    /**
     * @param folderName a folder's name
     * @return the season a season folder holds ({@code Season 01} → 1, {@code Specials} → 0, {@code S2} → 2,
     *         {@code Show.S03.1080p.WEB-GRP} → 3), or {@code null} when it is not a season folder
     */
    public static Integer seasonOfFolder(String folderName) {
        String name = folderName.strip();
        Matcher m = SEASON_FOLDER.matcher(name);
        if (m.matches()) {
            return Integer.valueOf(m.group(1));
        }
        m = SHORT_SEASON_FOLDER.matcher(name);
        if (m.matches()) {
            return Integer.valueOf(m.group(1));
        }
        if (SPECIALS_FOLDER.matcher(name).matches()) {
            return 0;
        }
        m = SEASON_PACK_FOLDER.matcher(name);
        if (m.matches() && !SEASON_EPISODE.matcher(name).find()) {
            return Integer.valueOf(m.group(2) != null ? m.group(2) : m.group(3));
        }
        return null;
    }

    private Optional<ParsedEpisode> parse(List<String> folders, String fileName) {
        String baseName = FileNames.baseName(fileName);
        if (isExtraName(baseName)) {
            return Optional.empty();
        }
        String parent = folders.isEmpty() ? null : folders.get(folders.size() - 1);
        Integer folderSeason = parent == null ? null : seasonOfFolder(parent);
        boolean inSeasonFolder = folderSeason != null;
        NameParts file = parseFileName(baseName, inSeasonFolder);

        for (int i = 0; i < folders.size(); i++) {
            if (extrasFolders.contains(folders.get(i).strip().toLowerCase(Locale.ROOT))) {
                // "Extras (2005)" is a show: a top-level folder of that name holding episodes is the show's folder
                boolean isShow = i == 0 && (file.explicitMarker
                        || folders.size() > 1 && seasonOfFolder(folders.get(1)) != null);
                if (!isShow) {
                    return Optional.empty();
                }
            }
        }

        String showFolder = null;
        if (parent != null) {
            showFolder = !inSeasonFolder ? parent : folders.size() >= 2 ? folders.get(folders.size() - 2) : null;
        }
        NameParts show = showFolder == null ? null : parseFolderName(showFolder);
        if ((show == null || show.show == null) && inSeasonFolder) {
            // a season pack in the root: "Show.Name.S01.1080p-GRP/show.name.s01e01.mkv"
            Matcher pack = SEASON_PACK_FOLDER.matcher(parent.strip());
            if (pack.matches() && file.show == null) {
                show = parseFolderName(pack.group(1));
            }
        }
        String showTitle = show != null && show.show != null ? show.show : file.show;
        Integer showYear = show != null && show.show != null && show.showYear != null ? show.showYear : file.showYear;
        Integer season = file.season != null ? file.season : folderSeason;
        return Optional.of(new ParsedEpisode(showTitle, showYear, season, file.episode, file.episodeEnd,
                file.absolute, file.airDate, file.title));
    }

    private static boolean isExtraName(String baseName) {
        return EXTRA_SUFFIX.matcher(baseName).find() || EXTRA_NAME.matcher(baseName.strip()).matches();
    }

    /** Parses a file name without extension. */
    private NameParts parseFileName(String baseName, boolean inSeasonFolder) {
        NameParts parts = new NameParts();
        String s = PROVIDER_TAG.matcher(baseName).replaceAll(" ");
        Matcher group = LEADING_GROUP.matcher(s);
        boolean fansub = group.find();
        if (fansub) {
            s = s.substring(group.end());
        }
        boolean scene = isSceneStyle(s);
        parts.scene = scene;
        if (scene) {
            s = dotsToSpaces(s.replace('_', ' '));
        }

        Matcher m = SEASON_EPISODE.matcher(s);
        if (m.find()) {
            parts.explicitMarker = true;
            parts.season = Integer.valueOf(m.group(1));
            parts.episode = Integer.valueOf(m.group(2));
            parts.episodeEnd = rangeEnd(m.group(3), parts.episode);
            String tail = s.substring(m.end());
            Matcher absolute = ABSOLUTE_AFTER_MARKER.matcher(tail);
            // "Show - S01E01 - 1923" is a title; "Show - S01E12 - 012 - Title" and "... - 012" are numbers
            if (absolute.find() && (absolute.group(2) != null || !isYear(absolute.group(1)))) {
                parts.absolute = positive(absolute.group(1));
                tail = tail.substring(absolute.end());
            }
            return finish(parts, s.substring(0, m.start()), tail);
        }
        m = CROSS_EPISODE.matcher(s);
        if (m.find()) {
            parts.explicitMarker = true;
            parts.season = Integer.valueOf(m.group(1));
            parts.episode = Integer.valueOf(m.group(2));
            parts.episodeEnd = rangeEnd(m.group(3), parts.episode);
            return finish(parts, s.substring(0, m.start()), s.substring(m.end()));
        }
        m = DATE.matcher(s);
        while (m.find()) {
            LocalDate date = date(m.group(1), m.group(2), m.group(3));
            if (date != null) {
                parts.explicitMarker = true;
                parts.airDate = date;
                return finish(parts, s.substring(0, m.start()), s.substring(m.end()));
            }
        }

        // bare numbers: brackets hold release tags and hashes here, except a show's year
        String bare = WHITESPACE.matcher(withoutTagGroups(s)).replaceAll(" ").strip();
        m = DASHED_NUMBER.matcher(bare);
        if (m.find()) {
            boolean absolute = fansub || !inSeasonFolder;
            return finishNumbered(parts, bare.substring(0, m.start()), bare.substring(m.end()),
                    Integer.valueOf(m.group(1)), absolute, fansub);
        }
        m = EPISODE_WORD.matcher(bare);
        if (m.find()) {
            Integer number = Integer.valueOf(m.group(1));
            if (!fansub) {
                parts.episodeEnd = m.group(2) == null ? null : rangeEnd("-" + m.group(2), number);
            }
            return finishNumbered(parts, bare.substring(0, m.start()), bare.substring(m.end()), number, fansub, fansub);
        }
        m = (inSeasonFolder ? LEADING_NUMBER : LEADING_NUMBER_DASHED).matcher(bare);
        if (m.matches()) {
            return finishNumbered(parts, "", m.group(2), Integer.valueOf(m.group(1)), fansub, fansub);
        }
        if (fansub) {
            m = TRAILING_NUMBER.matcher(bare);
            if (m.matches()) {
                return finishNumbered(parts, m.group(1), "", Integer.valueOf(m.group(2)), true, true);
            }
        }
        // no episode marker: the name holds the show (a file straight in the show folder says nothing more)
        return finish(parts, bare, "");
    }

    /** Numbers an episode found by a bare number: absolute, unless the release names its season. */
    private NameParts finishNumbered(NameParts parts, String head, String tail, Integer number, boolean absolute,
            boolean fansub) {
        String showPart = head;
        if (fansub) {
            Matcher season = ANIME_SEASON.matcher(head.strip().replaceAll("[\\s-]+$", ""));
            if (season.matches()) {
                showPart = season.group(1);
                String value = season.group(2) != null ? season.group(2)
                        : season.group(3) != null ? season.group(3) : season.group(4);
                parts.season = Integer.valueOf(value);
                absolute = false;
            }
        }
        if (absolute) {
            parts.absolute = number;
        } else {
            parts.episode = number;
        }
        return finish(parts, showPart, tail);
    }

    private NameParts finish(NameParts parts, String head, String tail) {
        cleanShow(head, parts.scene, parts);
        parts.title = cleanEpisodeTitle(tail, parts.scene);
        return parts;
    }

    /** A show or season folder's name: "Doctor Who (2005)", "Show.Name.S01E01.720p.HDTV-GRP", "[Group] Show". */
    private NameParts parseFolderName(String folderName) {
        String s = PROVIDER_TAG.matcher(folderName).replaceAll(" ");
        s = LEADING_GROUP.matcher(s).replaceFirst("");
        boolean scene = isSceneStyle(s);
        if (scene) {
            s = dotsToSpaces(s.replace('_', ' '));
        }
        Matcher m = SEASON_EPISODE.matcher(s);
        if (m.find()) {
            s = s.substring(0, m.start());
        } else {
            m = CROSS_EPISODE.matcher(s);
            if (m.find()) {
                s = s.substring(0, m.start());
            }
        }
        return cleanShow(s, scene, new NameParts());
    }

    /** Sets the show title and year of {@code parts} from the part of a name before the episode marker. */
    private NameParts cleanShow(String head, boolean scene, NameParts parts) {
        String s = withoutTagGroups(head);
        int tag = firstTag(s, scene);
        s = stripEdges(WHITESPACE.matcher(s.substring(0, tag)).replaceAll(" "));
        Matcher year = BRACKETED_YEAR_AT_END.matcher(s);
        if (year.matches() && isYear(year.group(2))) {
            parts.showYear = Integer.valueOf(year.group(2));
            s = stripEdges(year.group(1));
        } else if (scene) {
            // "Doctor.Who.2005.S01E01" has a year; "1923.S01E01" is a show named after one, and in a name with
            // spaces a bare year is part of the title ("Space 1999")
            year = BARE_YEAR_AT_END.matcher(s);
            if (year.matches() && isYear(year.group(2))) {
                parts.showYear = Integer.valueOf(year.group(2));
                s = stripEdges(year.group(1));
            }
        }
        if (scene && s.equals(s.toLowerCase(Locale.ROOT))) {
            s = capitalise(s);
        }
        parts.show = s.isEmpty() ? null : s;
        return parts;
    }

    private static String cleanEpisodeTitle(String tail, boolean scene) {
        String s = tail;
        if (scene && s.startsWith("-")) {
            return null; // "show.s01e01-grp": the release group, not a title
        }
        int bracket = indexOfAny(s, "[{");
        if (bracket >= 0) {
            s = s.substring(0, bracket);
        }
        s = s.substring(0, firstTag(s, scene));
        s = stripEdges(WHITESPACE.matcher(s).replaceAll(" "));
        if (scene && s.equals(s.toLowerCase(Locale.ROOT))) {
            s = capitalise(s);
        }
        return s.isEmpty() ? null : s;
    }

    /** Removes [..] and {..} groups, and (..) groups other than a year: they hold tags, hashes and groups. */
    private static String withoutTagGroups(String s) {
        String out = SQUARE_OR_CURLY_GROUP.matcher(s).replaceAll(" ");
        Matcher round = ROUND_GROUP.matcher(out);
        StringBuilder kept = new StringBuilder();
        while (round.find()) {
            boolean keep = YEAR_ONLY.matcher(round.group(1)).matches()
                    || !RELEASE_TAG.matcher(round.group(1)).find() && !round.group(1).matches("(?i)\\s*(?:bd|dvd|web)(?![a-z]).*");
            round.appendReplacement(kept, keep ? Matcher.quoteReplacement(round.group()) : " ");
        }
        round.appendTail(kept);
        return kept.toString();
    }

    /** @return the last number of a range suffix ("E02E03", "-03", "-E03", "-1x03") when it is above {@code first} */
    private static Integer rangeEnd(String suffix, int first) {
        if (suffix == null || suffix.isEmpty()) {
            return null;
        }
        Matcher digits = Pattern.compile("([0-9]+)$").matcher(suffix);
        if (!digits.find()) {
            return null;
        }
        int last = Integer.parseInt(digits.group(1));
        return last > first && last - first < 100 ? last : null;
    }

    private LocalDate date(String year, String month, String day) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            return date.getYear() <= latestYear ? date : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private boolean isYear(String value) {
        int year = Integer.parseInt(value);
        return year >= 1900 && year <= latestYear;
    }

    private static Integer positive(String value) {
        int number = Integer.parseInt(value);
        return number > 0 ? number : null;
    }

    /** Dotted or underscored names without spaces are scene style: their separators are not punctuation. */
    private static boolean isSceneStyle(String s) {
        return s.indexOf(' ') < 0 && (s.indexOf('.') >= 0 || s.indexOf('_') >= 0);
    }

    /** "S.W.A.T.2017.S01E01" → "S.W.A.T. 2017 S01E01": single letters in a row are an acronym. */
    private static String dotsToSpaces(String s) {
        String[] tokens = s.split("\\.", -1);
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < tokens.length) {
            int run = i;
            while (run < tokens.length && tokens[run].length() == 1 && Character.isLetter(tokens[run].charAt(0))) {
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

    /** @return the index of the first release tag in {@code s}, or its length */
    private static int firstTag(String s, boolean scene) {
        int first = s.length();
        Matcher tag = RELEASE_TAG.matcher(s);
        if (tag.find()) {
            first = tag.start();
        }
        if (scene) {
            Matcher sceneTag = SCENE_ONLY_TAG.matcher(s);
            if (sceneTag.find()) {
                first = Math.min(first, sceneTag.start());
            }
        }
        return first;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String stripEdges(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && " -–—_:,;)]}".indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && " -–—_:,;([{".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    /** "show name" → "Show Name": lower-case scene names read better capitalised. */
    private static String capitalise(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean wordStart = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(wordStart ? Character.toUpperCase(c) : c);
            wordStart = c == ' ';
        }
        return out.toString();
    }

    /** What one name says; mutable while it is parsed. */
    private static final class NameParts {
        String show;
        Integer showYear;
        Integer season;
        Integer episode;
        Integer episodeEnd;
        Integer absolute;
        LocalDate airDate;
        String title;
        boolean scene;
        /** SxxEyy, 1x02 or a date: the name surely is an episode's */
        boolean explicitMarker;
    }
}
