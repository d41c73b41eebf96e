package org.omnilux.scanner.music.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TagValuesTest {

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            3        | 3  |
            03       | 3  |
            3/12     | 3  | 12
            03/12    | 3  | 12
            " 3 / 12 " | 3 | 12
            3 of 12  | 3  | 12
            0        |    |
            0/12     |    | 12
            A1       |    |
            three    |    |
            ""       |    |
            """)
    void parsesNumberPairs(String value, Integer number, Integer total) {
        assertArrayEquals(new Integer[] {number, total}, TagValues.numberPair(value));
    }

    @Test
    void aMissingNumberIsNoNumber() {
        assertArrayEquals(new Integer[2], TagValues.numberPair(null));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            2009                 | 2009
            2009-05-01           | 2009
            2009-05-01T10:00:00Z | 2009
            05/01/1999           | 1999
            1777                 |
            20091                |
            ""                   |
            """)
    void readsYears(String value, Integer year) {
        assertEquals(year, TagValues.year(value));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Rock                  | Rock
            Rock;Pop              | Rock,Pop
            Rock; Pop ;           | Rock,Pop
            Rock / Pop            | Rock,Pop
            "Rock|Pop"            | Rock,Pop
            Hip-Hop/Rap           | Hip-Hop/Rap
            Drum & Bass           | Drum & Bass
            (17)                  | Rock
            (17)(18)              | Rock,Techno
            (17)Classic Rock      | Classic Rock
            17                    | Rock
            (RX)(CR)              | Remix,Cover
            (255)                 |
            Rock;rock;ROCK        | Rock
            """)
    void splitsAndResolvesGenres(String value, String expected) {
        List<String> genres = expected == null ? List.of() : Arrays.asList(expected.split(","));
        assertEquals(genres, TagValues.genres(List.of(value)));
    }

    @Test
    void joinsGenresOfSeveralFramesAndNulSeparatedValues() {
        assertEquals(List.of("Jazz", "Blues", "Soul"), TagValues.genres(List.of("Jazz", "Blues\u0000Soul", "jazz")));
    }
}
