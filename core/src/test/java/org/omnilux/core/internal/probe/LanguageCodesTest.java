package org.omnilux.core.internal.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageCodesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "en, eng", "eng, eng", "EN, eng", "Eng, eng",
            "de, ger", "deu, ger", "ger, ger",
            "fr, fre", "fra, fre", "fre, fre",
            "zh, chi", "zho, chi", "chi, chi",
            "cs, cze", "ces, cze",
            "nl, dut", "nld, dut",
            "el, gre", "ell, gre",
            "fa, per", "fas, per",
            "ro, rum", "ron, rum",
            "sk, slo", "slk, slo",
            "sq, alb", "sqi, alb",
            "hy, arm", "hye, arm",
            "eu, baq", "eus, baq",
            "my, bur", "mya, bur",
            "ka, geo", "kat, geo",
            "is, ice", "isl, ice",
            "mk, mac", "mkd, mac",
            "mi, mao", "mri, mao",
            "ms, may", "msa, may",
            "bo, tib", "bod, tib",
            "cy, wel", "cym, wel",
            // other two-letter codes through java.util.Locale
            "es, spa", "it, ita", "ja, jpn", "ko, kor", "ru, rus", "pt, por", "sv, swe", "pl, pol",
            "he, heb", "iw, heb", "id, ind", "hi, hin", "tr, tur", "uk, ukr", "da, dan", "fi, fin",
            // tags and names
            "pt-BR, por", "en_US, eng", "zh-Hant, chi", "English, eng", "german, ger", "FRENCH, fre",
            "Chinese, chi", "Farsi, per", "Spanish, spa", " eng , eng",
    })
    void normalises(String in, String expected) {
        assertEquals(expected, LanguageCodes.toIso639_2B(in));
    }

    @ParameterizedTest(name = "{0} kept")
    @CsvSource({"xx, xx", "qaa, qaa", "Klingon, Klingon", "abcd, abcd", "haw, haw", "x-custom, x-custom"})
    void keepsUnknownValuesAsWritten(String in, String expected) {
        assertEquals(expected, LanguageCodes.toIso639_2B(in));
        assertNull(LanguageCodes.recognise(in));
    }

    @Test
    void undeterminedAndBlankAreNull() {
        assertNull(LanguageCodes.toIso639_2B(null));
        assertNull(LanguageCodes.toIso639_2B(""));
        assertNull(LanguageCodes.toIso639_2B("   "));
        assertNull(LanguageCodes.toIso639_2B("und"));
        assertNull(LanguageCodes.toIso639_2B("UND"));
        assertNull(LanguageCodes.recognise("und"));
    }

    @Test
    void isKnown() {
        assertTrue(LanguageCodes.isKnown("en"));
        assertTrue(LanguageCodes.isKnown("english"));
        assertFalse(LanguageCodes.isKnown("forced"));
        assertFalse(LanguageCodes.isKnown("sdh"));
        assertFalse(LanguageCodes.isKnown("cc"));
        assertFalse(LanguageCodes.isKnown("default"));
        assertFalse(LanguageCodes.isKnown(null));
    }
}
