package org.omnilux.scanner.audiobook.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BookNameParserTest {

    private final BookNameParser parser = new BookNameParser();

    /**
     * Columns: containers (folders between the root and the book, '/'-separated; empty: none) | book name |
     * title | author | series | seriesIndex | year | narrator. An empty cell expects {@code null}.
     */
    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # Author/Book
            Andy Weir                  | Project Hail Mary                      | Project Hail Mary      | Andy Weir         |                     |      |      |
            Andy Weir                  | Project Hail Mary (2021)               | Project Hail Mary      | Andy Weir         |                     |      | 2021 |
            Andy Weir                  | 2021 - Project Hail Mary               | Project Hail Mary      | Andy Weir         |                     |      | 2021 |
            Andy Weir                  | Project Hail Mary {Ray Porter}         | Project Hail Mary      | Andy Weir         |                     |      |      | Ray Porter
            Andy Weir                  | Project Hail Mary (2021) {Ray Porter}  | Project Hail Mary      | Andy Weir         |                     |      | 2021 | Ray Porter
            # series in the book folder's name
            Brandon Sanderson          | Mistborn 1 - The Final Empire          | The Final Empire       | Brandon Sanderson | Mistborn            | 1.0  |      |
            Brandon Sanderson          | Mistborn 1.5 - The Eleventh Metal      | The Eleventh Metal     | Brandon Sanderson | Mistborn            | 1.5  |      |
            Brandon Sanderson          | Mistborn Book 2 - The Well of Ascension | The Well of Ascension | Brandon Sanderson | Mistborn            | 2.0  |      |
            Brandon Sanderson          | Mistborn, Book 3 - The Hero of Ages    | The Hero of Ages       | Brandon Sanderson | Mistborn            | 3.0  |      |
            Brandon Sanderson          | Stormlight Archive #4: Rhythm of War   | Rhythm of War          | Brandon Sanderson | Stormlight Archive  | 4.0  |      |
            James S. A. Corey          | The Expanse Vol. 2 - Caliban's War     | Caliban's War          | James S. A. Corey | The Expanse         | 2.0  |      |
            # Author/Series/NN - Title (Audiobookshelf)
            Terry Pratchett/Discworld  | 01 - The Colour of Magic               | The Colour of Magic    | Terry Pratchett   | Discworld           | 1.0  |      |
            Terry Pratchett/Discworld  | Book 2 - The Light Fantastic           | The Light Fantastic    | Terry Pratchett   | Discworld           | 2.0  |      |
            Terry Pratchett/Discworld  | Vol. 3 - Equal Rites (1987)            | Equal Rites            | Terry Pratchett   | Discworld           | 3.0  | 1987 |
            Terry Pratchett/Discworld  | 4. Mort                                | Mort                   | Terry Pratchett   | Discworld           | 4.0  |      |
            Terry Pratchett/Discworld  | Sourcery                               | Sourcery               | Terry Pratchett   | Discworld           |      |      |
            Fantasy/J.R.R. Tolkien/Middle-earth | 0.5 - The Hobbit              | The Hobbit             | J.R.R. Tolkien    | Middle-earth        | 0.5  |      |
            # a number without a series says nothing
            Andy Weir                  | 01 - The Martian                       | The Martian            | Andy Weir         |                     |      |      |
            # titles that hold numbers stay whole
            Joseph Heller              | Catch-22                               | Catch-22               | Joseph Heller     |                     |      |      |
            George Orwell              | 1984                                   | 1984                   | George Orwell     |                     |      |      |
            # loose in the root: "Author - Title"
                                       | Andy Weir - The Martian                | The Martian            | Andy Weir         |                     |      |      |
                                       | The Martian                            | The Martian            |                   |                     |      |      |
                                       | Dune_Messiah                           | Dune Messiah           |                   |                     |      |      |
                                       | Дюна (1965)                            | Дюна                   |                   |                     |      | 1965 |
            """)
    void parsesBookNames(String containers, String bookName, String title, String author, String series,
            Double seriesIndex, Integer year, String narrator) {
        List<String> folders = containers == null ? List.of() : Arrays.asList(containers.split("/"));

        ParsedBook parsed = parser.parse(bookName, folders);

        assertAll(bookName,
                () -> assertEquals(title, parsed.title(), "title"),
                () -> assertEquals(author, parsed.author(), "author"),
                () -> assertEquals(series, parsed.series(), "series"),
                () -> assertEquals(seriesIndex, parsed.seriesIndex(), "seriesIndex"),
                () -> assertEquals(year, parsed.year(), "year"),
                () -> assertEquals(narrator, parsed.narrator(), "narrator"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            01 - The Storm       | The Storm
            01. The Storm        | The Storm
            01_The_Storm         | The Storm
            Track 03 - Chapter 3 | Chapter 3
            03                   | 03
            Part 1               | Part 1
            Chapter 12           | Chapter 12
            """)
    void partTitlesDropTheTrackNumber(String baseName, String title) {
        assertEquals(title, BookNameParser.partTitle(baseName));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Mistborn #2             | Mistborn           | 2
            Mistborn, Book 2.5      | Mistborn           | 2.5
            The Expanse Volume 3    | The Expanse        | 3
            Discworld               | Discworld          |
            """)
    void groupingNamesSeriesAndIndex(String grouping, String series, String index) {
        assertEquals(Arrays.asList(series, index), Arrays.asList(AudiobookScanner.grouping(grouping)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1       | 1.0
            1.5     | 1.5
            #2      | 2.0
            3/7     | 3.0
            0       |
            one     |
            """)
    void seriesIndexIsDecimal(String value, Double expected) {
        assertEquals(expected, AudiobookScanner.decimal(value));
    }
}
