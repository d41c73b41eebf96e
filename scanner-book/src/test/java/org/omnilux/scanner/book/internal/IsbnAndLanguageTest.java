package org.omnilux.scanner.book.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IsbnAndLanguageTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            urn:isbn:978-0-441-17271-9  | 9780441172719
            9780441172719               | 9780441172719
            ISBN 0-441-17271-7          | 0441172717
            isbn:0-8044-2957-X          | 080442957X
            080442957x                  | 080442957X
            978 0 441 17271 9           | 9780441172719
            9780441172718               | -
            0441172718                  | -
            1234567890123               | -
            urn:uuid:1a2b3c4d-0000-1111 | -
            calibre:1234                | -
            -                           | -
            """)
    void recognisesIsbnsByTheirCheckDigit(String value, String expected) {
        assertEquals(expected, Isbn.normalise(value));
    }

    @Test
    void knowsAnExplicitIsbnMarker() {
        assertTrue(Isbn.hasPrefix("urn:isbn:9780441172719"));
        assertTrue(Isbn.hasPrefix("ISBN 9780441172719"));
        assertFalse(Isbn.hasPrefix("9780441172719"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            en     | eng
            en-US  | eng
            EN_gb  | eng
            eng    | eng
            fr     | fre
            fra    | fre
            de-DE  | ger
            deu    | ger
            zh-Hans| chi
            pt-BR  | por
            und    | -
            -      | -
            klingon| klingon
            """)
    void normalisesLanguagesToIso639_2B(String value, String expected) {
        assertEquals(expected, LanguageCodes.normalise(value));
    }

    @Test
    void yearsFromDates() {
        assertEquals(2011, Years.fromDate("2011-05-03T00:00:00+00:00"));
        assertEquals(1965, Years.fromDate("1965"));
        assertEquals(null, Years.fromDate("0101-01-01T00:00:00+00:00"), "calibre's unknown date");
        assertEquals(null, Years.fromDate("May 2011"));
        assertEquals(null, Years.fromDate("9999-01-01"));
    }
}
