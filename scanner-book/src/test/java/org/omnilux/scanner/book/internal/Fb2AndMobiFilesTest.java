package org.omnilux.scanner.book.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanException;
import org.omnilux.scanner.testkit.TestScanContext;

/**
 * FB2 books as Russian-language libraries hold them (windows-1251, covers in base64 binaries), and files named
 * {@code .mobi} that are nothing of the kind. Written by the test.
 */
class Fb2AndMobiFilesTest {

    private final BookScanner scanner = new BookScanner();

    @TempDir
    Path root;

    @Test
    void aWindows1251Fb2WithItsCoverInABinary() throws Exception {
        byte[] cover = Fixtures.png(20, 30, Color.MAGENTA);
        Path file = Files.write(root.resolve("strugackie_piknik.fb2"), Fixtures.piknikFb2(cover));

        MediaRecord record = recognise(file);

        assertEquals("Пикник на обочине", record.title);
        assertEquals(2015, record.year);
        assertEquals(Map.of("author", "Аркадий Стругацкий, Борис Стругацкий", "publisher", "АСТ", "language", "rus",
                "series", "Миры братьев Стругацких", "seriesIndex", 12.0), record.metadata);
        assertArrayEquals(cover, record.posterImage);
    }

    @Test
    void aCoverpageNamingNoBinaryLeavesTheBookWithoutCover() throws Exception {
        Path file = Files.writeString(root.resolve("no-binary.fb2"), """
                <?xml version="1.0" encoding="utf-8"?>
                <FictionBook xmlns="http://www.gribuser.ru/xml/fictionbook/2.0" xmlns:l="http://www.w3.org/1999/xlink">
                 <description><title-info>
                  <book-title>Lost Cover</book-title>
                  <coverpage><image l:href="#missing.jpg"/></coverpage>
                 </title-info></description>
                 <body/>
                 <binary id="other.jpg" content-type="image/jpeg">/9j/4AAQ</binary>
                </FictionBook>
                """);

        MediaRecord record = recognise(file);

        assertEquals("Lost Cover", record.title);
        assertNull(record.posterImage);
    }

    @Test
    void aZippedFb2IsClaimedAndAZipOfAnythingElseIsNot() {
        // .fb2.zip is how many libraries ship FB2 (ZippedFb2FilesTest reads them); any other zip is no book
        assertTrue(scanner.accepts(root.resolve("Strugatsky - Piknik.fb2.zip"), root));
        assertTrue(scanner.accepts(root.resolve("STRUGATSKY/PIKNIK.FB2.ZIP"), root));
        assertFalse(scanner.accepts(root.resolve("Strugatsky - Piknik.zip"), root));
        assertFalse(scanner.accepts(root.resolve("Dune.epub.zip"), root));
        assertFalse(scanner.accepts(root.resolve(".fb2.zip"), root));
    }

    @Test
    void randomBytesNamedMobiOrAzw3AreListedByTheirNames() throws Exception {
        byte[] noise = new byte[64 * 1024];
        new Random(42).nextBytes(noise);
        Path mobi = Files.write(root.resolve("Frank Herbert - Dune (1965).mobi"), noise);
        Path azw3 = Files.write(root.resolve("Excession.azw3"), noise);

        MediaRecord one = recognise(mobi);
        MediaRecord two = recognise(azw3);

        assertEquals("Dune", one.title);
        assertEquals(1965, one.year);
        assertEquals("mobi", one.container);
        assertEquals(Map.of("author", "Frank Herbert"), one.metadata);
        assertNull(one.posterImage);
        assertEquals("Excession", two.title);
        assertEquals(Map.of(), two.metadata);
        assertNull(two.posterImage);
    }

    private MediaRecord recognise(Path file) throws MediaScanException {
        return scanner.recognise(TestScanContext.builder(file).root(root).mediaType("book").build()).orElseThrow();
    }
}
