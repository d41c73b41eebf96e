package org.omnilux.scanner.comic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComicNameParserTest {

    private static final Path ROOT = Path.of("/comics");
    private final ComicNameParser parser = new ComicNameParser();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # path                                                    | series                      | issue | volume | year
            Saga 001 (2012).cbz                                       | Saga                        | 1     | -      | 2012
            Saga #1.cbz                                               | Saga                        | 1     | -      | -
            Saga v02 (2013).cbz                                       | Saga                        | -     | 2      | 2013
            Saga - 001 - Title.cbz                                    | Saga                        | 1     | -      | -
            Saga Vol. 2 #5.cbz                                        | Saga                        | 5     | 2      | -
            Saga Volume 3.cbr                                         | Saga                        | -     | 3      | -
            Saga #1.5.cbz                                             | Saga                        | 1.5   | -      | -
            Batman #1A.cbz                                            | Batman                      | 1A    | -      | -
            Batman 050 (2018) (Digital) (Zone-Empire).cbr             | Batman                      | 50    | -      | 2018
            The Walking Dead 193 (2019) (digital-Empire).cbz          | The Walking Dead            | 193   | -      | 2019
            Amazing Spider-Man (2018) 001.cbz                         | Amazing Spider-Man          | 1     | -      | 2018
            Spider-Man 2099 001 (2014).cbz                            | Spider-Man 2099             | 1     | -      | 2014
            2000 AD 2100.cbz                                          | 2000 AD                     | 2100  | -      | -
            Y - The Last Man 001 (2002).cbz                           | Y - The Last Man            | 1     | -      | 2002
            Batman - The Long Halloween 01 (of 13) (1996).cbz         | Batman - The Long Halloween | 1     | -      | 1996
            Invincible v01 - Family Matters (2005).cbz                | Invincible                  | -     | 1      | 2005
            Saga 012 - The Way Home.cb7                               | Saga                        | 12    | -      | -
            Saga_001_(2012).cbz                                       | Saga                        | 1     | -      | 2012
            Saga.001.cbz                                              | Saga                        | 1     | -      | -
            Watchmen.cbz                                              | Watchmen                    | -     | -      | -
            Watchmen (1986) [Absolute Edition].cbz                    | Watchmen                    | -     | -      | 1986
            Hellboy v3 #000.cbz                                       | Hellboy                     | 0     | 3      | -
            X-Men '92 #1.cbz                                          | X-Men '92                   | 1     | -      | -
            Saga/001.cbz                                              | Saga                        | 1     | -      | -
            Saga (2012)/#2.cbz                                        | Saga                        | 2     | -      | -
            """)
    void parsesComicNames(String path, String series, String issue, Integer volume, Integer year) {
        ComicNameParser.ParsedComicName parsed = parser.parse(ROOT.resolve(path), ROOT);

        assertEquals(series, parsed.series(), "series");
        assertEquals(issue, parsed.issue(), "issue");
        assertEquals(volume, parsed.volume(), "volume");
        assertEquals(year, parsed.year(), "year");
    }

    @Test
    void aNumberInTheRootHasNoSeries() {
        assertEquals(null, parser.parse(ROOT.resolve("001.cbz"), ROOT).series());
        assertEquals("1", parser.parse(ROOT.resolve("001.cbz"), ROOT).issue());
    }

    @Test
    void issueNumbersLoseLeadingZerosOnly() {
        assertEquals("1", ComicNameParser.normaliseIssue("001"));
        assertEquals("0", ComicNameParser.normaliseIssue("000"));
        assertEquals("0.5", ComicNameParser.normaliseIssue("00.5"));
        assertEquals("10", ComicNameParser.normaliseIssue("010"));
        assertEquals("1A", ComicNameParser.normaliseIssue(" 01A "));
        assertEquals("½", ComicNameParser.normaliseIssue("½"));
        assertEquals(null, ComicNameParser.normaliseIssue(" "));
    }

    @Test
    void titlesFollowTheSeriesAndIssue() {
        assertEquals("Saga #1", ComicScanner.title("Saga", "1", null));
        assertEquals("Saga Vol. 2 #5", ComicScanner.title("Saga", "5", 2));
        assertEquals("Saga Vol. 2", ComicScanner.title("Saga", null, 2));
        assertEquals("Saga #5", ComicScanner.title("Saga", "5", 2012), "a ComicInfo volume that is a year is not shown");
        assertEquals("Saga", ComicScanner.title("Saga", null, null));
        assertEquals(null, ComicScanner.title(null, null, null));
    }
}
