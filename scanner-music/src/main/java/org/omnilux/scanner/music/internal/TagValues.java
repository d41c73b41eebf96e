package org.omnilux.scanner.music.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jaudiotagger.tag.reference.GenreTypes;

/**
 * Turns the raw text of tag fields into the values the API shows: {@code "3/12"} into track 3 of 12,
 * {@code "2009-05-01"} into 2009, {@code "(17)(18)"} and {@code "Rock; Pop"} into genre lists. Pure functions.
 */
final class TagValues {

    private static final Pattern NUMBER_PAIR = Pattern.compile("^\\s*0*(\\d{1,4})\\s*(?:(?:/|of)\\s*0*(\\d{1,4}))?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[89]\\d\\d|20\\d\\d)(?!\\d)");
    /** Separators taggers put between several genres in one value; "Hip-Hop/Rap" stays one genre. */
    private static final Pattern ID3_GENRE_NUMBER = Pattern.compile("\\d{1,3}");
    private static final Pattern GENRE_SEPARATORS = Pattern.compile("\\s*(?:;|\\||\u0000|\\s/\\s|\\\\\\\\)\\s*");
    /** ID3v1 genre references as ID3v2.3 writes them: "(17)", "(17)(18)", "(17)Rock" (refinement). */
    private static final Pattern ID3_REFERENCES = Pattern.compile("^((?:\\((?:\\d{1,3}|RX|CR)\\))+)(.*)$");
    private static final Pattern ID3_REFERENCE = Pattern.compile("\\((\\d{1,3}|RX|CR)\\)");

    private TagValues() {
    }

    /**
     * @param value a track or disc field: {@code 3}, {@code 03}, {@code 3/12}, {@code 3 of 12}
     * @return {number or null, total or null}; zero counts as unknown
     */
    static Integer[] numberPair(String value) {
        if (value == null) {
            return new Integer[2];
        }
        Matcher m = NUMBER_PAIR.matcher(value);
        if (!m.matches()) {
            return new Integer[2];
        }
        return new Integer[] {positive(m.group(1)), positive(m.group(2))};
    }

    /** @return the first whole number of a numeric field, {@code null} when there is none or it is zero */
    /** Whether a flag tag is set: {@code 1} (ID3 {@code TCMP}, Vorbis), {@code true} (MP4 {@code cpil}), {@code yes}. */
    static boolean isSet(String flag) {
        if (flag == null) {
            return false;
        }
        String f = flag.strip();
        return f.equals("1") || f.equalsIgnoreCase("true") || f.equalsIgnoreCase("yes");
    }

    static Integer number(String value) {
        return numberPair(value)[0];
    }

    /** @return the year of a date field ({@code 2009}, {@code 2009-05-01}, {@code 2009-05-01T12:00:00Z}), or null */
    static Integer year(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = YEAR.matcher(value);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /**
     * @param values the genre field's values (one per frame or comment)
     * @return the genres: multi-values split, ID3v1 numbers as names, blank and repeated ones dropped
     */
    static List<String> genres(List<String> values) {
        Map<String, String> genres = new LinkedHashMap<>(); // by lower case: "rock" and "Rock" are one genre
        if (values == null) {
            return List.of();
        }
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String part : GENRE_SEPARATORS.split(value.trim())) {
                for (String genre : resolveId3(part.trim())) {
                    if (!genre.isBlank()) {
                        genres.putIfAbsent(genre.toLowerCase(Locale.ROOT), genre.trim());
                    }
                }
            }
        }
        return new ArrayList<>(genres.values());
    }

    private static List<String> resolveId3(String genre) {
        char first = genre.isEmpty() ? ' ' : genre.charAt(0);
        if (first != '(' && (first < '0' || first > '9')) {
            return List.of(genre); // a name, as most are: neither pattern below can match
        }
        if (ID3_GENRE_NUMBER.matcher(genre).matches()) {
            String name = id3Genre(genre);
            return List.of(name == null ? genre : name);
        }
        Matcher refs = ID3_REFERENCES.matcher(genre);
        if (!refs.matches()) {
            return List.of(genre);
        }
        String refinement = refs.group(2).trim();
        if (!refinement.isEmpty()) {
            return List.of(refinement); // "(17)Rock": the text refines the number
        }
        List<String> names = new ArrayList<>();
        Matcher ref = ID3_REFERENCE.matcher(refs.group(1));
        while (ref.find()) {
            String id = ref.group(1);
            String name = id.equals("RX") ? "Remix" : id.equals("CR") ? "Cover" : id3Genre(id);
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    private static String id3Genre(String number) {
        int id = Integer.parseInt(number);
        return id <= GenreTypes.getMaxGenreId() ? GenreTypes.getInstanceOf().getValueForId(id) : null;
    }

    private static Integer positive(String digits) {
        if (digits == null) {
            return null;
        }
        int n = Integer.parseInt(digits);
        return n > 0 ? n : null;
    }
}
