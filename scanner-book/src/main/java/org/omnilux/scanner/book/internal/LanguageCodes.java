package org.omnilux.scanner.book.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.regex.Pattern;

/**
 * Normalises a book's language to ISO 639-2/B, as the Library API shows languages ({@code eng}, {@code ger},
 * {@code fre}): ISO 639-1 ({@code en}), 639-2/T ({@code deu}), 639-2/B and BCP 47 tags ({@code en-US}); anything
 * else is kept as written. The same rules as the core's prober, which a plugin cannot import.
 */
final class LanguageCodes {

    /** ISO 639-2 languages whose bibliographic (B) code differs from the terminology (T) code: T → B. */
    private static final Map<String, String> T_TO_B = Map.ofEntries(
            Map.entry("sqi", "alb"), Map.entry("hye", "arm"), Map.entry("eus", "baq"), Map.entry("bod", "tib"),
            Map.entry("mya", "bur"), Map.entry("ces", "cze"), Map.entry("zho", "chi"), Map.entry("cym", "wel"),
            Map.entry("deu", "ger"), Map.entry("nld", "dut"), Map.entry("ell", "gre"), Map.entry("fas", "per"),
            Map.entry("fra", "fre"), Map.entry("kat", "geo"), Map.entry("isl", "ice"), Map.entry("mkd", "mac"),
            Map.entry("mri", "mao"), Map.entry("msa", "may"), Map.entry("ron", "rum"), Map.entry("slk", "slo"));

    private static final Pattern TAG = Pattern.compile("[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*");

    private static final Map<String, String> CODES = new HashMap<>();

    static {
        for (String two : Locale.getISOLanguages()) {
            String three;
            try {
                three = new Locale(two).getISO3Language();
            } catch (MissingResourceException e) {
                continue;
            }
            if (three != null && three.length() == 3) {
                String b = T_TO_B.getOrDefault(three, three);
                CODES.put(two, b);
                CODES.putIfAbsent(three, b);
                CODES.putIfAbsent(b, b);
            }
        }
        CODES.put("iw", "heb");
        CODES.put("in", "ind");
        CODES.put("ji", "yid");
        T_TO_B.forEach((t, b) -> {
            CODES.put(t, b);
            CODES.put(b, b);
        });
    }

    private LanguageCodes() {
    }

    /** @return the ISO 639-2/B code, the trimmed value when unknown, {@code null} for blank or {@code und} */
    static String normalise(String value) {
        String trimmed = SafeXml.blankToNull(value);
        if (trimmed == null || trimmed.equalsIgnoreCase("und")) {
            return null;
        }
        String v = trimmed.toLowerCase(Locale.ROOT);
        if (TAG.matcher(v).matches()) {
            String primary = v.split("[-_]", 2)[0];
            String code = CODES.get(primary);
            if (code != null) {
                return code;
            }
        }
        return trimmed;
    }
}
