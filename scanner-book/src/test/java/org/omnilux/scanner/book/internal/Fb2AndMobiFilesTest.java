package org.omnilux.scanner.book.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.Color;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
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
        // base64 wrapped at 76 characters with CRLF, as most FB2 writers do
        String base64 = Base64.getMimeEncoder().encodeToString(cover);
        String xml = """
                <?xml version="1.0" encoding="windows-1251"?>
                <FictionBook xmlns="http://www.gribuser.ru/xml/fictionbook/2.0" xmlns:xlink="http://www.w3.org/1999/xlink">
                 <description>
                  <title-info>
                   <genre>sf</genre>
                   <author><first-name>Аркадий</first-name><last-name>Стругацкий</last-name></author>
                   <author><first-name>Борис</first-name><last-name>Стругацкий</last-name></author>
                   <book-title>Пикник на обочине</book-title>
                   <coverpage><image xlink:href="#cover.jpg"/></coverpage>
                   <lang>ru</lang>
                   <sequence name="Миры братьев Стругацких" number="12"/>
                  </title-info>
                  <document-info><program-used>FictionBook Editor 2.6</program-used></document-info>
                  <publish-info><publisher>АСТ</publisher><year>2015</year></publish-info>
                 </description>
                 <body><section><p>Рэдрик Шухарт, 23 года, холост.</p></section></body>
                 <binary id="cover.jpg" content-type="image/jpeg">%s</binary>
                </FictionBook>
                """.formatted(base64);
        Path file = Files.write(root.resolve("strugackie_piknik.fb2"), xml.getBytes(Charset.forName("windows-1251")));

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
    void aZippedFb2IsNotClaimed() {
        // .fb2.zip is how many libraries ship FB2; the scanner does not open zips of them (yet): not accepted
        assertFalse(scanner.accepts(root.resolve("Strugatsky - Piknik.fb2.zip"), root));
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
