package org.omnilux.core.internal.probe;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.regex.Pattern;

/**
 * Normalises language codes and names to ISO 639-2/B, the form the Library API shows ({@code eng}, {@code ger},
 * {@code fre}, {@code chi}…).
 *
 * <p>Accepted: ISO 639-1 codes ({@code en}), ISO 639-2/T codes ({@code deu}), ISO 639-2/B codes ({@code ger}),
 * BCP 47 / POSIX tags whose primary subtag is one of those ({@code pt-BR}, {@code en_US}), and English language
 * names ({@code English}, {@code German}), all case-insensitively. {@code und} means "undetermined" and gives
 * {@code null}; anything else not recognised is returned as written (trimmed).
 *
 * <p>Pure and thread-safe.
 */
public final class LanguageCodes {

    /** ISO 639-2 languages whose bibliographic (B) code differs from the terminology (T) code: T → B. */
    private static final Map<String, String> T_TO_B = Map.ofEntries(
            Map.entry("sqi", "alb"), Map.entry("hye", "arm"), Map.entry("eus", "baq"), Map.entry("bod", "tib"),
            Map.entry("mya", "bur"), Map.entry("ces", "cze"), Map.entry("zho", "chi"), Map.entry("cym", "wel"),
            Map.entry("deu", "ger"), Map.entry("nld", "dut"), Map.entry("ell", "gre"), Map.entry("fas", "per"),
            Map.entry("fra", "fre"), Map.entry("kat", "geo"), Map.entry("isl", "ice"), Map.entry("mkd", "mac"),
            Map.entry("mri", "mao"), Map.entry("msa", "may"), Map.entry("ron", "rum"), Map.entry("slk", "slo"));

    /** Names not produced by {@link Locale#getDisplayLanguage} but common in file names and tags. */
    private static final Map<String, String> EXTRA_NAMES = Map.ofEntries(
            Map.entry("farsi", "per"), Map.entry("flemish", "dut"), Map.entry("castilian", "spa"),
            Map.entry("brazilian", "por"), Map.entry("mandarin", "chi"), Map.entry("cantonese", "chi"),
            Map.entry("moldavian", "rum"), Map.entry("moldovan", "rum"), Map.entry("gaelic", "gla"),
            Map.entry("hebrew", "heb"), Map.entry("indonesian", "ind"), Map.entry("yiddish", "yid"),
            Map.entry("norwegian", "nor"), Map.entry("filipino", "fil"), Map.entry("tagalog", "tgl"));

    private static final Pattern TAG = Pattern.compile("[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*");

    /** Every recognised code (639-1, 639-2/T, 639-2/B) → 639-2/B. */
    private static final Map<String, String> CODES;
    /** Lower-case English name → 639-2/B. */
    private static final Map<String, String> NAMES;

    static {
        Map<String, String> codes = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            Locale locale = new Locale(two);
            String three;
            try {
                three = locale.getISO3Language();
            } catch (MissingResourceException e) {
                continue;
            }
            if (three == null || three.length() != 3) {
                continue;
            }
            String b = T_TO_B.getOrDefault(three, three);
            codes.put(two, b);
            codes.putIfAbsent(three, b);
            codes.putIfAbsent(b, b);
            String name = locale.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !name.equals(two)) {
                names.putIfAbsent(name, b);
            }
        }
        // old ISO 639-1 codes Java still knows under their new ones, and vice versa
        codes.putIfAbsent("iw", "heb");
        codes.putIfAbsent("he", "heb");
        codes.putIfAbsent("in", "ind");
        codes.putIfAbsent("id", "ind");
        codes.putIfAbsent("ji", "yid");
        codes.putIfAbsent("yi", "yid");
        T_TO_B.forEach((t, b) -> {
            codes.put(t, b);
            codes.put(b, b);
        });
        EXTRA_NAMES.forEach(names::putIfAbsent);
        CODES = Collections.unmodifiableMap(codes);
        NAMES = Collections.unmodifiableMap(names);
    }

    private LanguageCodes() {
    }

    /**
     * @param value a language code or English language name as a file or tag gives it, or {@code null}
     * @return the ISO 639-2/B code; {@code null} for {@code null}, blank or {@code und}; the trimmed value itself
     *         when it is not recognised
     */
    public static String toIso639_2B(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("und")) {
            return null;
        }
        String known = recognise(trimmed);
        return known != null ? known : trimmed;
    }

    /**
     * @param value a language code, tag or English language name
     * @return the ISO 639-2/B code when {@code value} is a language this class knows, else {@code null}
     *         ({@code und} is not a language)
     */
    public static String recognise(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("und")) {
            return null;
        }
        if (TAG.matcher(v).matches()) {
            int sep = indexOfSeparator(v);
            String primary = sep < 0 ? v : v.substring(0, sep);
            String code = CODES.get(primary);
            if (code != null) {
                return code;
            }
        }
        return NAMES.get(v);
    }

    /** @return {@code true} when {@link #recognise} knows {@code value} */
    public static boolean isKnown(String value) {
        return recognise(value) != null;
    }

    private static int indexOfSeparator(String v) {
        int dash = v.indexOf('-');
        int underscore = v.indexOf('_');
        if (dash < 0) {
            return underscore;
        }
        return underscore < 0 ? dash : Math.min(dash, underscore);
    }
}
