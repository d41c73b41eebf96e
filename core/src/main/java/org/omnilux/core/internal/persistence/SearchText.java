package org.omnilux.core.internal.persistence;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one normalisation used for the search column, the search words and the title sort key: NFKD, combining
 * marks removed, lower case (so {@code Amélie} → {@code amelie}).
 */
public final class SearchText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Metadata fields that hold no words worth searching. */
    private static final java.util.Set<String> NOT_SEARCHED = java.util.Set.of("posterUrl");

    private SearchText() {
    }

    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String stripped = text;
        // ASCII has no decompositions, no marks and none of the letters below; most tags and titles are ASCII
        if (!isAscii(text)) {
            stripped = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
            // letters without a decomposition
            stripped = stripped.replace("ß", "ss").replace("æ", "ae").replace("Æ", "ae").replace("ø", "o")
                    .replace("Ø", "o").replace("œ", "oe").replace("Œ", "oe").replace("ł", "l").replace("Ł", "l")
                    .replace("đ", "d").replace("Đ", "d");
        }
        return collapseSpaces(stripped.toLowerCase(Locale.ROOT)).trim();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Every run of whitespace as one space: what {@code replaceAll("\\s+", " ")} does, without a regex per call. */
    private static String collapseSpaces(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean inRun = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!space) {
                out.append(c);
            } else if (!inRun) {
                out.append(' ');
            }
            inRun = space;
        }
        return out.toString();
    }

    /** @return the normalised words of a search query, empty for a blank one */
    public static List<String> words(String query) {
        String n = normalise(query);
        List<String> out = new ArrayList<>();
        if (!n.isEmpty()) {
            for (String w : n.split(" ")) {
                if (!w.isEmpty() && !out.contains(w)) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    /** @return the search column value for a title and the metadata values */
    public static String of(String title, Map<String, Object> metadata) {
        StringBuilder sb = new StringBuilder();
        append(sb, title);
        if (metadata != null) {
            for (Map.Entry<String, Object> e : metadata.entrySet()) {
                if (!NOT_SEARCHED.contains(e.getKey())) {
                    append(sb, e.getValue());
                }
            }
        }
        return normalise(sb.toString());
    }

    private static void append(StringBuilder sb, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> m) {
            for (Object v : m.values()) {
                append(sb, v);
            }
        } else if (value instanceof Collection<?> c) {
            for (Object v : c) {
                append(sb, v);
            }
        } else {
            sb.append(' ').append(value);
        }
    }

    /** Escapes {@code %}, {@code _} and the escape character itself for a {@code LIKE ... ESCAPE '\'}. */
    public static String likeContains(String word) {
        StringBuilder sb = new StringBuilder("%");
        for (char c : word.toCharArray()) {
            if (c == '%' || c == '_' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('%').toString();
    }
}
