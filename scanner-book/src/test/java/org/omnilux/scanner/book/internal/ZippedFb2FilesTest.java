package org.omnilux.scanner.book.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.omnilux.scanner.book.internal.Fixtures.utf8;

import java.awt.Color;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanException;
import org.omnilux.scanner.testkit.TestConfigurations;
import org.omnilux.scanner.testkit.TestScanContext;

/**
 * FB2 books zipped one per file ({@code Author - Title.fb2.zip}), as FB2 libraries keep most of theirs, and zips
 * that only look like them: none or several books inside, truncated, a zip bomb. Zipped by the test.
 */
class ZippedFb2FilesTest {

    private final BookScanner scanner = new BookScanner();

    @TempDir
    Path root;

    @Test
    void aZippedFb2GivesWhatThePlainFb2Gives() throws Exception {
        byte[] cover = Fixtures.png(20, 30, Color.MAGENTA);
        byte[] fb2 = Fixtures.piknikFb2(cover);
        Path plain = Files.write(root.resolve("strugackie_piknik.fb2"), fb2);
        Path zipped = Fixtures.zip(root.resolve("Стругацкие - Пикник.fb2.zip"), Map.of("strugackie_piknik.fb2", fb2));

        MediaRecord fromPlain = recognise(plain);
        MediaRecord fromZip = recognise(zipped);

        assertEquals("Пикник на обочине", fromZip.title);
        assertEquals(2015, fromZip.year);
        assertEquals("fb2", fromZip.container, "the book's format; the path says it is zipped");
        assertArrayEquals(cover, fromZip.posterImage);
        assertEquals(fromPlain.title, fromZip.title);
        assertEquals(fromPlain.year, fromZip.year);
        assertEquals(fromPlain.container, fromZip.container);
        assertEquals(fromPlain.metadata, fromZip.metadata);
        assertEquals(Map.of("author", "Аркадий Стругацкий, Борис Стругацкий", "publisher", "АСТ", "language", "rus",
                "series", "Миры братьев Стругацких", "seriesIndex", 12.0), fromZip.metadata);
        assertArrayEquals(fromPlain.posterImage, fromZip.posterImage);
    }

    @Test
    void withoutATitleInsideTheNameWithoutFb2ZipIsTheTitle() throws Exception {
        Path file = Fixtures.zip(root.resolve("Аркадий Стругацкий - Трудно быть богом (1964).FB2.ZIP"), Map.of(
                "book.fb2", utf8("""
                        <?xml version="1.0" encoding="utf-8"?>
                        <FictionBook xmlns="http://www.gribuser.ru/xml/fictionbook/2.0">
                         <description><title-info><lang>ru</lang></title-info></description>
                         <body><section><p>Было совсем не трудно.</p></section></body>
                        </FictionBook>
                        """)));

        MediaRecord record = recognise(file);

        assertEquals("Трудно быть богом", record.title);
        assertEquals(1964, record.year);
        assertEquals(Map.of("author", "Аркадий Стругацкий", "language", "rus"), record.metadata);
        assertNull(record.posterImage);
    }

    @Test
    void entryNamesInADosCodePageFoldersAndMacResourceForksAreNoObstacle() throws Exception {
        // Russian Windows packers write CP866 names without the UTF-8 flag: read as UTF-8, the JDK refuses the zip
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("Стругацкие/", new byte[0]);
        entries.put("Стругацкие/Пикник на обочине.fb2", Fixtures.piknikFb2(Fixtures.png(4, 4, Color.RED)));
        entries.put("__MACOSX/Стругацкие/._Пикник на обочине.fb2", new byte[] {0, 5, 22, 7});
        Path file = Fixtures.zip(root.resolve("piknik.fb2.zip"), Charset.forName("IBM866"), entries);

        MediaRecord record = recognise(file);

        assertEquals("Пикник на обочине", record.title);
        assertEquals("Аркадий Стругацкий, Борис Стругацкий", record.metadata.get("author"));
    }

    @Test
    void aZipWithoutFb2IsAClearError() throws Exception {
        Path file = Fixtures.zip(root.resolve("Dune.fb2.zip"), Map.of(
                "Dune.fb2/", new byte[0], // a folder named like a book is no book
                "Dune.epub", utf8("not here"),
                "readme.txt", utf8("Frank Herbert, Dune")));

        MediaScanException e = assertThrows(MediaScanException.class, () -> recognise(file));

        assertEquals("not a readable FB2 zip: it holds no .fb2 book", e.getMessage());
    }

    @Test
    void aZipOfSeveralFb2BooksIsAClearError() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("Piknik.fb2", Fixtures.piknikFb2(Fixtures.png(4, 4, Color.RED)));
        entries.put("Ulitka.FB2", Fixtures.piknikFb2(Fixtures.png(4, 4, Color.BLUE)));
        Path file = Fixtures.zip(root.resolve("Strugatsky - Collected.fb2.zip"), entries);

        MediaScanException e = assertThrows(MediaScanException.class, () -> recognise(file));

        assertEquals("not a readable FB2 zip: it holds 2 .fb2 books (Piknik.fb2, Ulitka.FB2), one .fb2.zip is one "
                + "book", e.getMessage());
    }

    @Test
    void aTruncatedZipOrNoZipAtAllIsAClearError() throws Exception {
        Path good = Fixtures.zip(root.resolve("good.fb2.zip"),
                Map.of("piknik.fb2", Fixtures.piknikFb2(Fixtures.png(200, 200, Color.GREEN))));
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(root.resolve("truncated.fb2.zip"), Arrays.copyOf(bytes, bytes.length / 2));
        Path fb2NotZipped = Files.write(root.resolve("not-zipped.fb2.zip"), Fixtures.piknikFb2(new byte[0]));

        for (Path file : new Path[] {truncated, fb2NotZipped}) {
            MediaScanException e = assertThrows(MediaScanException.class, () -> recognise(file));

            assertTrue(e.getMessage().startsWith("not a readable FB2 zip: zip END header not found"),
                    file.getFileName() + ": " + e.getMessage());
        }
    }

    @Test
    void aBookInflatingPastTheSizeItsHeaderClaimsIsStoppedThere() throws Exception {
        // 16 MB of blanks inside the book deflate to about 16 KB; the central directory then claims 1000 bytes
        byte[] book = new byte[16 * 1024 * 1024];
        Arrays.fill(book, (byte) ' ');
        byte[] head = utf8("<?xml version=\"1.0\" encoding=\"utf-8\"?><FictionBook><description>");
        System.arraycopy(head, 0, book, 0, head.length);
        Path file = Fixtures.zip(root.resolve("bomb.fb2.zip"), Map.of("bomb.fb2", book));
        claimUncompressedSize(file, 1000);

        MediaScanException e = assertThrows(MediaScanException.class, () -> recognise(file));

        assertEquals("not a readable FB2 zip: the FB2 book in it inflates to more than the 1000 bytes its header "
                + "claims (a zip bomb, or a broken zip)", e.getMessage());
    }

    @Test
    void aBookClaimingMoreThanTheFb2BoundIsListedByItsNameUnread() throws Exception {
        // as a plain .fb2 over the bound: a title inside would show if it were parsed
        byte[] book = new byte[(int) Limits.MAX_FB2_BYTES + 1024];
        Arrays.fill(book, (byte) ' ');
        byte[] head = utf8("<?xml version=\"1.0\"?><FictionBook><description><title-info><book-title>Parsed"
                + "</book-title></title-info></description><body>");
        System.arraycopy(head, 0, book, 0, head.length);
        byte[] tail = utf8("</body></FictionBook>");
        System.arraycopy(tail, 0, book, book.length - tail.length, tail.length);
        Path file = Fixtures.zip(root.resolve("Tolstoy - War and Peace.fb2.zip"), Map.of("wp.fb2", book));
        assertTrue(Files.size(file) < 1024 * 1024, "the fixture is small on disk");

        MediaRecord record = recognise(file);

        assertEquals("War and Peace", record.title);
        assertEquals(Map.of("author", "Tolstoy"), record.metadata);
        assertEquals("fb2", record.container);
    }

    @Test
    void zippedFb2GoesWithFb2InTheConfiguration() {
        BookScanner configured = new BookScanner(TestConfigurations.of(BookScanner.Config.class,
                Map.of("extensions", "epub, zip")));
        Path zipped = root.resolve("Piknik.fb2.zip");

        assertFalse(configured.accepts(zipped, root), "fb2 is not taken, so neither is a zipped one");
        assertTrue(configured.accepts(root.resolve("Something.zip"), root));

        configured.modified(TestConfigurations.of(BookScanner.Config.class, Map.of("extensions", "fb2")));

        assertTrue(configured.accepts(zipped, root));
        assertFalse(configured.accepts(root.resolve("Something.zip"), root));
        assertEquals(List.of("fb2"), configured.descriptor().extensions, "no dotted extension declared");
    }

    /** Rewrites the uncompressed size in the central directory, the one {@link java.util.zip.ZipFile} trusts. */
    private static void claimUncompressedSize(Path zip, int size) throws Exception {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int patched = 0;
        for (int i = 0; i + 46 <= bytes.length; i++) {
            if (buffer.getInt(i) == 0x02014b50) { // central file header signature
                buffer.putInt(i + 24, size);
                patched++;
            }
        }
        assertEquals(1, patched, "one central directory entry");
        Files.write(zip, bytes);
    }

    private MediaRecord recognise(Path file) throws MediaScanException {
        return scanner.recognise(TestScanContext.builder(file).root(root).mediaType("book").build()).orElseThrow();
    }
}
