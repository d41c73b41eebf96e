package org.omnilux.core.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'  Amélie   POULAIN '|amelie poulain",
            "Straße|strasse",
            "'Œuvre\tÆther\nØresund'|oeuvre aether oresund",
            "Ｆｕｌｌｗｉｄｔｈ|fullwidth",
            "'Daft Punk - One More Time'|daft punk - one more time",
            "'\u0001 control\u0002'|control"})
    void normalisesAccentsCaseAndSpaces(String in, String expected) {
        assertEquals(expected, SearchText.normalise(in));
    }

    /** The ASCII fast path and the loop over spaces give what the one regex pipeline for every text gave. */
    @Test
    void agreesWithTheRegexPipelineOnRandomText() {
        String alphabet = "aB z\t\n\u000B\f\r\u0001\u001f~-é\u00e6\u0153ß\u0301\u00a0\u2003Ｆ0";
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(12);
            boolean asciiOnly = random.nextBoolean();
            for (int i = 0; i < length; i++) {
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                sb.append(asciiOnly && c >= 0x80 ? 'x' : c);
            }
            String text = sb.toString();
            assertEquals(reference(text), SearchText.normalise(text), () -> "for " + List.of(text.chars().boxed()));
        }
    }

    @Test
    void searchColumnHoldsTitleAndNestedValuesButNotThePosterUrl() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("people", Map.of("director", List.of("Ridley Scott")));
        metadata.put("posterUrl", "/api/artwork/x");
        metadata.put("genres", List.of("Sci-Fi", "Horror"));
        assertEquals("alien ridley scott sci-fi horror", SearchText.of("Alien", metadata));
    }

    /** What normalise did before its fast paths: every step on every text. */
    private static String reference(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        s = s.replace("ß", "ss").replace("æ", "ae").replace("Æ", "ae").replace("ø", "o").replace("Ø", "o")
                .replace("œ", "oe").replace("Œ", "oe").replace("ł", "l").replace("Ł", "l").replace("đ", "d")
                .replace("Đ", "d");
        return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }
}
