package org.omnilux.scanner.book.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanException;
import org.omnilux.scanner.testkit.TestConfigurations;
import org.omnilux.scanner.testkit.TestScanContext;

/** MOBI and AZW3 metadata from books written byte by byte ({@link MobiFixture}). */
class MobiReaderTest {

    @TempDir
    Path root;

    private final MobiReader reader = new MobiReader();

    private static MobiFixture dune() {
        return new MobiFixture()
                .exth(MobiReader.EXTH_AUTHOR, "Frank Herbert")
                .exth(MobiReader.EXTH_AUTHOR, "Brian Herbert")
                .exth(MobiReader.EXTH_PUBLISHER, "Ace Books")
                .exth(MobiReader.EXTH_ISBN, "978-0-441-17271-9")
                .exth(MobiReader.EXTH_PUBLISHED, "1965-08-01T00:00:00+00:00")
                .exth(MobiReader.EXTH_UPDATED_TITLE, "Dune (updated)")
                .exth(MobiReader.EXTH_LANGUAGE, "en-GB")
                .exth(MobiReader.EXTH_COVER_OFFSET, 1)
                .image(MobiFixture.PNG) // a picture inside the book, first image record
                .image(MobiFixture.JPEG); // the cover: first image + 1
    }

    @Test
    void readsTheFullNameAndTheExthRecords() throws Exception {
        BookInfo info = reader.read(write("Dune.mobi", dune().build()), true);

        assertEquals("Dune", info.title, "the full name wins over the updated title");
        assertEquals(List.of("Frank Herbert", "Brian Herbert"), info.authors);
        assertEquals("Ace Books", info.publisher);
        assertEquals("9780441172719", info.isbn);
        assertEquals("eng", info.language);
        assertEquals(1965, info.year);
        assertArrayEquals(MobiFixture.JPEG, info.cover);
    }

    @Test
    void anAzw3InCp1252WithoutExthTakesTheLanguageFromTheLocale() throws Exception {
        MobiFixture kf8 = new MobiFixture();
        kf8.mobiVersion = 8;
        kf8.charset = Charset.forName("windows-1252");
        kf8.fullName = "Le Petit Café";
        kf8.locale = 0x040C; // French (France)
        kf8.exth = false;

        BookInfo info = reader.read(write("Cafe.azw3", kf8.build()), true);

        assertEquals("Le Petit Café", info.title);
        assertEquals("fre", info.language);
        assertTrue(info.authors.isEmpty());
        assertNull(info.cover);
    }

    @Test
    void theScannerFillsTheRecordAndTheNameFillsTheRest() throws Exception {
        MobiFixture noAuthor = new MobiFixture().exth(MobiReader.EXTH_PUBLISHER, "Orbit");
        Path withAuthor = write("Dune.mobi", dune().build());
        Path fromName = write("Iain M. Banks - Excession (1996).azw3", noAuthor.build());
        BookScanner scanner = new BookScanner();

        MediaRecord record = scanner.recognise(context(withAuthor)).orElseThrow();
        assertEquals("Dune", record.title);
        assertEquals(1965, record.year);
        assertEquals("mobi", record.container);
        assertEquals(Map.of("author", "Frank Herbert, Brian Herbert", "publisher", "Ace Books", "isbn",
                "9780441172719", "language", "eng"), record.metadata);
        assertArrayEquals(MobiFixture.JPEG, record.posterImage);

        MediaRecord named = scanner.recognise(context(fromName)).orElseThrow();
        assertEquals("Dune", named.title, "the full name of the fixture");
        assertEquals(1996, named.year);
        assertEquals("azw3", named.container);
        assertEquals(Map.of("author", "Iain M. Banks", "publisher", "Orbit", "language", "eng"), named.metadata);

        scanner.modified(TestConfigurations.of(BookScanner.Config.class, Map.of("covers", "false")));
        assertNull(scanner.recognise(context(withAuthor)).orElseThrow().posterImage);
    }

    @Test
    void aCoverOffsetOutsideTheRecordsIsNoCover() throws Exception {
        MobiFixture book = new MobiFixture().exth(MobiReader.EXTH_COVER_OFFSET, 7).image(MobiFixture.JPEG);
        MobiFixture none = new MobiFixture().exth(MobiReader.EXTH_COVER_OFFSET, 0xFFFFFFFF).image(MobiFixture.JPEG);

        assertNull(reader.read(write("a.mobi", book.build()), true).cover);
        assertNull(reader.read(write("b.mobi", none.build()), true).cover);
        assertArrayEquals(MobiFixture.JPEG, reader.read(write("c.mobi",
                new MobiFixture().exth(MobiReader.EXTH_COVER_OFFSET, 0).image(MobiFixture.JPEG).build()), true).cover);
    }

    @Test
    void aFileThatIsNoMobipocketDatabaseIsListedByItsName() throws Exception {
        byte[] kfx = new byte[200];
        System.arraycopy("CONT".getBytes(), 0, kfx, 0, 4);

        BookInfo short_ = reader.read(write("a.mobi", "BOOKMOBI not really a mobi".getBytes()), true);
        BookInfo other = reader.read(write("b.azw", kfx), true);

        assertNull(short_.title);
        assertNull(other.title);
        assertNull(other.cover);
    }

    @Test
    void aTruncatedBookIsAScanErrorNamingTheProblem() throws Exception {
        byte[] whole = dune().build();
        MobiFixture fixture = dune();

        MediaScanException inList = assertThrows(MediaScanException.class,
                () -> reader.read(write("a.mobi", Arrays.copyOf(whole, 90)), true));
        MediaScanException inRecord0 = assertThrows(MediaScanException.class,
                () -> reader.read(write("b.mobi", Arrays.copyOf(whole, fixture.record0Offset() + 100)), true));

        assertTrue(inList.getMessage().startsWith("not a readable MOBI book: the record list"), inList.getMessage());
        assertTrue(inRecord0.getMessage().startsWith("not a readable MOBI book: record 1 lies at"),
                inRecord0.getMessage());
        assertTrue(inRecord0.getMessage().contains("truncated"), inRecord0.getMessage());
    }

    @Test
    void lengthsThatClaimMoreThanTheRecordHoldsAreScanErrors() throws Exception {
        byte[] whole = dune().build();
        int record0 = new MobiFixture().record0Offset() + 2 * 8; // dune() has two more records in its list
        int exthAt = record0 + 16 + 0xE8;

        byte[] mobiLength = whole.clone();
        ByteBuffer.wrap(mobiLength).putInt(record0 + 20, 0x7FFFFFF0);
        byte[] exthLength = whole.clone();
        ByteBuffer.wrap(exthLength).putInt(exthAt + 4, 0x7FFFFFF0);
        byte[] recordLength = whole.clone();
        ByteBuffer.wrap(recordLength).putInt(exthAt + 12 + 4, 0x7FFFFFF0);
        byte[] noExth = whole.clone();
        noExth[exthAt] = 'X';

        assertScanError("the MOBI header claims", mobiLength);
        assertScanError("the EXTH block claims", exthLength);
        assertScanError("EXTH record 0 (type 100) claims", recordLength);
        assertScanError("the EXTH block the header announces is missing", noExth);
    }

    @Test
    void noTruncationOrCorruptionEscapesAsAnythingButAScanError() throws Exception {
        byte[] whole = dune().build();
        for (int length = 0; length < whole.length; length += 3) {
            readOrScanError(Arrays.copyOf(whole, length), "cut at " + length);
        }
        for (int at = 0; at < whole.length; at++) {
            byte[] corrupt = whole.clone();
            corrupt[at] = (byte) 0xFF;
            readOrScanError(corrupt, "0xFF at " + at);
        }
    }

    private void readOrScanError(byte[] bytes, String what) throws IOException {
        Path file = write("fuzz.mobi", bytes);
        try {
            reader.read(file, true);
        } catch (MediaScanException expected) {
            assertTrue(expected.getMessage().startsWith("not a readable MOBI book: "), what + ": " + expected.getMessage());
        } catch (RuntimeException e) {
            fail(what + ": " + e, e);
        }
    }

    private void assertScanError(String expected, byte[] bytes) throws IOException {
        MediaScanException e = assertThrows(MediaScanException.class, () -> reader.read(write("x.mobi", bytes), true));
        assertTrue(e.getMessage().startsWith("not a readable MOBI book: " + expected), e.getMessage());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(root.resolve(name), bytes);
    }

    private TestScanContext context(Path file) {
        return TestScanContext.builder(file).root(root).mediaType("book").build();
    }
}
