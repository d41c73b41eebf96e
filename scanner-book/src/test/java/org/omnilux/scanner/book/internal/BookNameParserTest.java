package org.omnilux.scanner.book.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BookNameParserTest {

    private final BookNameParser parser = new BookNameParser();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # path                                                       | title                          | author               | year
            Frank Herbert - Dune.mobi                                    | Dune                           | Frank Herbert        | -
            Dune (1965).txt                                              | Dune                           | -                    | 1965
            Frank Herbert - Dune (1965).azw3                             | Dune                           | Frank Herbert        | 1965
            Frank Herbert - Dune (1965) [retail].epub                    | Dune                           | Frank Herbert        | 1965
            Terry Pratchett - Guards! Guards! (1989) (epub).epub         | Guards! Guards!                | Terry Pratchett      | 1989
            Ursula K. Le Guin - A Wizard of Earthsea.azw                 | A Wizard of Earthsea           | Ursula K. Le Guin    | -
            J.R.R. Tolkien - The Lord of the Rings - The Two Towers.mobi | The Lord of the Rings - The Two Towers | J.R.R. Tolkien | -
            War and Peace.txt                                            | War and Peace                  | -                    | -
            Pride_and_Prejudice.txt                                      | Pride and Prejudice            | -                    | -
            Moby-Dick; or, The Whale.txt                                 | Moby-Dick; or, The Whale       | -                    | -
            1984 (1949).mobi                                             | 1984                           | -                    | 1949
            1984.epub                                                    | 1984                           | -                    | -
            Neuromancer [1984].djvu                                      | Neuromancer                    | -                    | 1984
            (2001).txt                                                   | (2001)                         | -                    | -
            Frank Herbert/Dune (12)/Dune - Frank Herbert.epub            | Dune                           | Frank Herbert        | -
            Isaac Asimov/Foundation - Isaac Asimov.mobi                  | Foundation                     | Isaac Asimov         | -
            Sci-Fi/Isaac Asimov - Foundation.mobi                        | Foundation                     | Isaac Asimov         | -
            Anonymous - Beowulf (1000).txt                               | Beowulf                        | Anonymous            | 1000
            """)
    void parsesBookNames(String path, String title, String author, Integer year) {
        BookNameParser.ParsedBookName parsed = parser.parse(Path.of("/books").resolve(path));

        assertEquals(title, parsed.title(), "title");
        assertEquals(author, parsed.author(), "author");
        assertEquals(year, parsed.year(), "year");
    }
}
