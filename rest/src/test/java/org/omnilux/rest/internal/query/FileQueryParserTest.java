package org.omnilux.rest.internal.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.omnilux.api.library.FileQuery;
import org.omnilux.api.library.FileSort;
import org.omnilux.api.service.InvalidInputException;

class FileQueryParserTest {

    private static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return map;
    }

    @Test
    void defaults() {
        FileQuery q = FileQueryParser.parse(Map.of());
        assertNull(q.mediaType());
        assertNull(q.rootId());
        assertNull(q.search());
        assertEquals(FileSort.TITLE, q.sort());
        assertFalse(q.descending());
        assertEquals(50, q.limit());
        assertEquals(0, q.offset());
    }

    @Test
    void everyValueParsed() {
        FileQuery q = FileQueryParser.parse(query("mediaType", "movie", "rootId", "12", "search", "  amélie poulain ",
                "sort", "addedAt", "order", "desc", "limit", "500", "offset", "1000"));
        assertEquals("movie", q.mediaType());
        assertEquals(12L, q.rootId());
        assertEquals("amélie poulain", q.search());
        assertEquals(FileSort.ADDED_AT, q.sort());
        assertTrue(q.descending());
        assertEquals(500, q.limit());
        assertEquals(1000, q.offset());
    }

    @ParameterizedTest
    @CsvSource({ "title,TITLE", "addedAt,ADDED_AT", "year,YEAR", "size,SIZE" })
    void sortKeys(String value, FileSort sort) {
        assertEquals(sort, FileQueryParser.parse(query("sort", value)).sort());
    }

    @Test
    void limitBounds() {
        assertEquals(1, FileQueryParser.parse(query("limit", "1")).limit());
        assertEquals(500, FileQueryParser.parse(query("limit", "500")).limit());
        assertFalse(FileQueryParser.parse(query("order", "asc")).descending());
    }

    @Test
    void blankSearchIsNoSearch() {
        assertNull(FileQueryParser.parse(query("search", "   ")).search());
    }

    @ParameterizedTest(name = "{0}={1} -> 400 naming {0}")
    @CsvSource(delimiter = '|', value = {
            "sort|foo", "sort|TITLE", "sort|''",
            "order|up", "order|DESC", "order|''",
            "limit|-1", "limit|abc", "limit|501", "limit|0", "limit|''", "limit|1.5", "limit|99999999999999999999",
            "limit|+5", "limit|' 5'",
            "offset|-1", "offset|abc", "offset|1e3", "offset|''",
            "rootId|abc", "rootId|-1", "rootId|0", "rootId|''", "rootId|1.0",
            "mediaType|Movie", "mediaType|''", "mediaType|<script>", "mediaType|movie tv", "mediaType|../x" })
    void badValuesNameTheParameter(String parameter, String value) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> FileQueryParser.parse(query(parameter, value)));
        assertEquals(parameter, e.parameter());
        assertTrue(e.getMessage().contains(parameter), e.getMessage());
    }

    @Test
    void repeatedParameterIsRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> FileQueryParser.parse(query("limit", "5", "limit", "6")));
        assertEquals("limit", e.parameter());
    }

    @Test
    void tooLongSearchIsRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> FileQueryParser.parse(query("search", "x".repeat(501))));
        assertEquals("search", e.parameter());
    }

    @Test
    void unknownParametersAreIgnored() {
        assertEquals(50, FileQueryParser.parse(query("_", "1700000000")).limit());
    }
}
