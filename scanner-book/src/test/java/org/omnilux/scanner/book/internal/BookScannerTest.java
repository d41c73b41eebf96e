package org.omnilux.scanner.book.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.omnilux.scanner.book.internal.Fixtures.utf8;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanException;
import org.omnilux.api.scanner.MediaTypeDescriptor;
import org.omnilux.api.scanner.MetadataField;
import org.omnilux.api.scanner.ScanContext;
import org.omnilux.scanner.testkit.TestScanContext;
import org.omnilux.api.scanner.ScannerDescriptor;

class BookScannerTest {

    private final BookScanner scanner = new BookScanner();

    @TempDir
    Path root;

    @Test
    void describesTheBookTypeWithItsFields() {
        ScannerDescriptor descriptor = scanner.descriptor();

        assertEquals(1, descriptor.mediaTypes.size());
        MediaTypeDescriptor book = descriptor.mediaTypes.get(0);
        assertEquals("book", book.name);
        assertEquals(List.of("author", "publisher", "isbn", "language", "pageCount", "posterUrl", "series", "seriesIndex"),
                book.fields.stream().map(field -> field.name).toList());
        assertEquals(MetadataField.Type.INTEGER, book.fields.get(4).type);
        assertEquals(MetadataField.Type.DECIMAL, book.fields.get(7).type);
        assertTrue(descriptor.extensions.containsAll(List.of("epub", "pdf", "mobi", "azw3", "fb2", "txt")));
    }

    @Test
    void acceptsBookFiles() {
        assertTrue(scanner.accepts(root.resolve("Frank Herbert/Dune.EPUB"), root));
        assertTrue(scanner.accepts(root.resolve("Dune.pdf"), root));
        assertTrue(scanner.accepts(root.resolve("Dune.azw3"), root));
        assertFalse(scanner.accepts(root.resolve("Dune.jpg"), root));
        assertFalse(scanner.accepts(root.resolve("Dune.opf"), root));
        assertFalse(scanner.accepts(root.resolve("epub"), root));
    }

    @Test
    void readsAnEpub2PackageWithItsCoverAndCalibreSeries() throws Exception {
        byte[] cover = Fixtures.png(60, 90, Color.BLUE);
        Path file = Fixtures.epub(root.resolve("Dune.epub"), "OEBPS/content.opf", """
                <?xml version="1.0" encoding="UTF-8"?>
                <package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="uid">
                  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
                    <dc:title>Dune</dc:title>
                    <dc:creator opf:role="aut" opf:file-as="Herbert, Frank">Frank Herbert</dc:creator>
                    <dc:creator opf:role="ill">John Schoenherr</dc:creator>
                    <dc:creator opf:role="aut">Brian Herbert</dc:creator>
                    <dc:publisher>Chilton Books</dc:publisher>
                    <dc:identifier id="uid">urn:uuid:0f4c1a5e-8b8e-4a57-9a2c-0123456789ab</dc:identifier>
                    <dc:identifier opf:scheme="ISBN">978-0-441-17271-9</dc:identifier>
                    <dc:language>en-US</dc:language>
                    <dc:date opf:event="modification">2020-02-02</dc:date>
                    <dc:date opf:event="publication">1965-08-01</dc:date>
                    <meta name="calibre:series" content="Dune Chronicles"/>
                    <meta name="calibre:series_index" content="1.0"/>
                    <meta name="cover" content="cover-img"/>
                  </metadata>
                  <manifest>
                    <item id="ch1" href="Text/ch1.xhtml" media-type="application/xhtml+xml"/>
                    <item id="cover-img" href="Images/cover%20art.png" media-type="image/png"/>
                  </manifest>
                  <spine><itemref idref="ch1"/></spine>
                </package>
                """, Map.of("OEBPS/Images/cover art.png", cover, "OEBPS/Text/ch1.xhtml", utf8("<html/>")));

        MediaRecord record = recognise(file);

        assertEquals("Dune", record.title);
        assertEquals(1965, record.year);
        assertEquals("epub", record.container);
        assertEquals(Map.of("author", "Frank Herbert, Brian Herbert", "publisher", "Chilton Books",
                "isbn", "9780441172719", "language", "eng", "series", "Dune Chronicles", "seriesIndex", 1.0),
                record.metadata);
        assertArrayEquals(cover, record.posterImage);
        assertNull(record.probe);
    }

    @Test
    void readsAnEpub3PackageWithRefinesAndCollections() throws Exception {
        byte[] cover = Fixtures.png(40, 60, Color.GREEN);
        Path file = Fixtures.epub(root.resolve("Terry Pratchett - Wrong Name.epub"), "package.opf", """
                <?xml version="1.0" encoding="UTF-8"?>
                <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id">
                  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                    <dc:title id="t2">Discworld Collection</dc:title>
                    <dc:title id="t1">Guards! Guards!</dc:title>
                    <meta refines="#t1" property="title-type">main</meta>
                    <meta refines="#t2" property="title-type">collection</meta>
                    <dc:creator id="c1">Terry Pratchett</dc:creator>
                    <meta refines="#c1" property="role" scheme="marc:relators">aut</meta>
                    <dc:creator id="c2">Stephen Briggs</dc:creator>
                    <meta refines="#c2" property="role" scheme="marc:relators">nrt</meta>
                    <dc:identifier id="pub-id">9780552166669</dc:identifier>
                    <dc:language>fr</dc:language>
                    <dc:date>1989-11-01T00:00:00Z</dc:date>
                    <meta property="dcterms:modified">2024-01-01T00:00:00Z</meta>
                    <meta property="belongs-to-collection" id="col">Discworld</meta>
                    <meta refines="#col" property="collection-type">series</meta>
                    <meta refines="#col" property="group-position">8</meta>
                  </metadata>
                  <manifest>
                    <item id="img" href="images/front.jpg" media-type="image/jpeg" properties="cover-image"/>
                    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
                  </manifest>
                  <spine><itemref idref="nav"/></spine>
                </package>
                """, Map.of("images/front.jpg", cover));

        MediaRecord record = recognise(file);

        assertEquals("Guards! Guards!", record.title, "the main title, not the collection title");
        assertEquals(1989, record.year);
        assertEquals(Map.of("author", "Terry Pratchett", "isbn", "9780552166669", "language", "fre",
                "series", "Discworld", "seriesIndex", 8.0), record.metadata);
        assertArrayEquals(cover, record.posterImage);
    }

    @Test
    void anEpubWithoutMetadataTakesItsNameAndFindsACoverByName() throws Exception {
        byte[] cover = Fixtures.png(10, 10, Color.WHITE);
        Path file = Fixtures.epub(root.resolve("Ursula K. Le Guin - A Wizard of Earthsea (1968).epub"), "content.opf", """
                <package xmlns="http://www.idpf.org/2007/opf" version="2.0">
                  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>  </dc:title></metadata>
                  <manifest><item id="i1" href="img/Cover.jpeg" media-type="image/jpeg"/></manifest>
                </package>
                """, Map.of("img/Cover.jpeg", cover));

        MediaRecord record = recognise(file);

        assertEquals("A Wizard of Earthsea", record.title);
        assertEquals(1968, record.year);
        assertEquals(Map.of("author", "Ursula K. Le Guin"), record.metadata);
        assertArrayEquals(cover, record.posterImage);
    }

    @Test
    void anOpfNamingALocalFileAsAnEntityIsReadWithoutIt() throws Exception {
        Path secret = Files.writeString(root.resolve("secret.txt"), "TOP-SECRET");
        Path file = Fixtures.epub(root.resolve("evil.epub"), "content.opf", """
                <?xml version="1.0"?>
                <!DOCTYPE package [ <!ENTITY xxe SYSTEM "%s"> ]>
                <package xmlns="http://www.idpf.org/2007/opf"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:title>&xxe;</dc:title><dc:creator>Mallory</dc:creator></metadata></package>
                """.formatted(secret.toUri()), Map.of());

        MediaRecord record = recognise(file);

        assertEquals("evil", record.title, "the entity is not read: no title, so the file name");
        assertEquals("Mallory", record.metadata.get("author"));
        assertFalse(record.toString().contains("TOP-SECRET"), record.toString());
    }

    @Test
    void anEntityExpansionBombIsNotExpanded() throws Exception {
        StringBuilder entities = new StringBuilder("<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            entities.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        Path file = Fixtures.epub(root.resolve("laughs.epub"), "content.opf", """
                <?xml version="1.0"?>
                <!DOCTYPE package [ %s ]>
                <package xmlns="http://www.idpf.org/2007/opf"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:title>&l9;</dc:title><dc:creator>Mallory</dc:creator></metadata></package>
                """.formatted(entities), Map.of());

        MediaRecord record = recognise(file);

        assertEquals("laughs", record.title, "a billion laughs is no title, not a billion characters");
        assertEquals("Mallory", record.metadata.get("author"));
    }

    @Test
    void anOpfWithAnOebDoctypeIsReadWithoutFetchingTheDtd() throws Exception {
        // were the DTD fetched, the parse would fail: the test machine has no network
        Path file = Fixtures.epub(root.resolve("old.epub"), "book.opf", """
                <?xml version="1.0"?>
                <!DOCTYPE package PUBLIC "+//ISBN 0-9673008-1-9//DTD OEB 1.2 Package//EN"
                  "http://openebook.org/dtds/oeb-1.2/oebpkg12.dtd">
                <package xmlns="http://www.idpf.org/2007/opf" version="2.0"><metadata
                  xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>The Time Machine</dc:title>
                <dc:creator>H. G. Wells</dc:creator></metadata></package>
                """, Map.of());

        MediaRecord record = recognise(file);

        assertEquals("The Time Machine", record.title);
        assertEquals("H. G. Wells", record.metadata.get("author"));
    }

    @Test
    void anEpubWithoutOpfFails() throws Exception {
        Path file = Fixtures.zip(root.resolve("no-opf.epub"), Map.of("mimetype", utf8("application/epub+zip"),
                "OEBPS/ch1.xhtml", utf8("<html/>")));

        MediaScanException e = assertThrows(MediaScanException.class, () -> recognise(file));

        assertEquals("not a readable EPUB: no OPF package document", e.getMessage());
    }

    @Test
    void aContainerPointingNowhereFails() throws Exception {
        Path file = Fixtures.zip(root.resolve("dangling.epub"), Map.of("mimetype", utf8("application/epub+zip"),
                "META-INF/container.xml", utf8(Fixtures.container("OEBPS/missing.opf"))));

        MediaScanException e = assertThrows(MediaScanException.class, () -> recognise(file));

        assertEquals("not a readable EPUB: META-INF/container.xml names OEBPS/missing.opf, which is not in the book",
                e.getMessage());
    }

    @Test
    void aTruncatedEpubFails() throws Exception {
        Path good = Fixtures.epub(root.resolve("good.epub"), "content.opf",
                "<package xmlns='http://www.idpf.org/2007/opf'><metadata/></package>",
                Map.of("filler.xhtml", utf8("x".repeat(5000))));
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(root.resolve("truncated.epub"), Arrays.copyOf(bytes, bytes.length / 2));

        MediaScanException e = assertThrows(MediaScanException.class, () -> recognise(truncated));

        assertTrue(e.getMessage().startsWith("not a readable EPUB: "), e.getMessage());
    }

    @Test
    void aZipBombCoverIsNotReadPastTheBound() throws Exception {
        // 64 MB of zeros compress to about 64 KB: the reader must stop at its 10 MB bound and drop the cover
        byte[] bomb = new byte[64 * 1024 * 1024];
        Path file = Fixtures.epub(root.resolve("bomb.epub"), "content.opf", """
                <package xmlns="http://www.idpf.org/2007/opf" version="3.0">
                  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Bomb</dc:title></metadata>
                  <manifest><item id="c" href="cover.jpg" media-type="image/jpeg" properties="cover-image"/></manifest>
                </package>
                """, Map.of("cover.jpg", bomb));
        assertTrue(Files.size(file) < 1024 * 1024, "the fixture is small on disk");

        MediaRecord record = recognise(file);

        assertEquals("Bomb", record.title);
        assertNull(record.posterImage);
    }

    @Test
    void readsAPdfAndRendersItsFirstPage() throws Exception {
        Path file = Fixtures.pdf(root.resolve("Some Name.pdf"), 2, "The Pragmatic Programmer", "Andrew Hunt; David Thomas");

        MediaRecord record = recognise(file);

        assertEquals("The Pragmatic Programmer", record.title);
        assertEquals("pdf", record.container);
        assertEquals(Map.of("author", "Andrew Hunt; David Thomas", "pageCount", 2), record.metadata);
        assertNotNull(record.posterImage, "the first page rendered as the cover");
        assertEquals((byte) 0xFF, record.posterImage[0], "a JPEG");
        assertEquals((byte) 0xD8, record.posterImage[1], "a JPEG");
        BufferedImage cover = ImageIO.read(new ByteArrayInputStream(record.posterImage));
        assertEquals(420, cover.getWidth(), 2, "A5 at 72 dpi");
        Color pixel = new Color(cover.getRGB(10, 10));
        assertTrue(pixel.getRed() > 200 && pixel.getGreen() < 60 && pixel.getBlue() < 60, "page 1 is red: " + pixel);
    }

    @Test
    void aPdfWithoutTitleTakesItsFileName() throws Exception {
        Path file = Fixtures.pdf(root.resolve("Kernighan - The C Programming Language (1978).pdf"), 1,
                "Microsoft Word - draft3.docx", null);

        MediaRecord record = recognise(file);

        assertEquals("The C Programming Language", record.title);
        assertEquals(1978, record.year);
        assertEquals(Map.of("author", "Kernighan", "pageCount", 1), record.metadata);
    }

    @Test
    void aPdfCutInTheMiddleFails() throws Exception {
        Path good = Fixtures.pdf(root.resolve("good.pdf"), 2, "Good", "Writer");
        byte[] bytes = Files.readAllBytes(good);
        // keep the header and the first objects only: no xref, no trailer, no page tree
        Path broken = Files.write(root.resolve("broken.pdf"), Arrays.copyOf(bytes, 200));

        MediaScanException e = assertThrows(MediaScanException.class, () -> recognise(broken));

        assertTrue(e.getMessage().startsWith("not a readable PDF: "), e.getMessage());
    }

    @Test
    void aPdfWithABrokenXrefIsRepairedOrFailsButNeverCrashes() throws Exception {
        Path good = Fixtures.pdf(root.resolve("good.pdf"), 2, "Repaired", "Writer");
        byte[] bytes = Files.readAllBytes(good);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int xref = text.lastIndexOf("xref");
        // the cross-reference table and trailer are garbage: PDFBox rebuilds them by scanning the objects
        byte[] damaged = Arrays.copyOf(bytes, bytes.length);
        for (int i = xref; i < damaged.length - 20; i++) {
            damaged[i] = (byte) ('0' + i % 10);
        }
        Path broken = Files.write(root.resolve("broken-xref.pdf"), damaged);

        MediaRecord record = recognise(broken);

        assertEquals("Repaired", record.title);
        assertEquals(2, record.metadata.get("pageCount"));
    }

    @Test
    void aFileThatIsNoPdfFails() throws Exception {
        Path file = Files.writeString(root.resolve("fake.pdf"), "this is not a pdf at all ".repeat(50));

        MediaScanException e = assertThrows(MediaScanException.class, () -> recognise(file));

        assertTrue(e.getMessage().startsWith("not a readable PDF: "), e.getMessage());
    }

    @Test
    void readsAnFb2Book() throws Exception {
        byte[] cover = Fixtures.png(20, 30, Color.ORANGE);
        Path file = Files.writeString(root.resolve("master.fb2"), """
                <?xml version="1.0" encoding="utf-8"?>
                <FictionBook xmlns="http://www.gribuser.ru/xml/fictionbook/2.0" xmlns:l="http://www.w3.org/1999/xlink">
                  <description>
                    <title-info>
                      <genre>prose_classic</genre>
                      <author><first-name>Михаил</first-name><middle-name>Афанасьевич</middle-name><last-name>Булгаков</last-name></author>
                      <book-title>Мастер и Маргарита</book-title>
                      <date value="1967-01-01">1967</date>
                      <coverpage><image l:href="#cover.png"/></coverpage>
                      <lang>ru</lang>
                      <sequence name="Собрание сочинений" number="5"/>
                    </title-info>
                    <publish-info>
                      <book-name>Мастер и Маргарита</book-name>
                      <publisher>Художественная литература</publisher>
                      <year>1973</year>
                      <isbn>978-5-17-090313-9</isbn>
                    </publish-info>
                  </description>
                  <body><section><p>Никогда не разговаривайте с неизвестными.</p></section></body>
                  <binary id="cover.png" content-type="image/png">%s</binary>
                </FictionBook>
                """.formatted(java.util.Base64.getMimeEncoder().encodeToString(cover)));

        MediaRecord record = recognise(file);

        assertEquals("Мастер и Маргарита", record.title);
        assertEquals(1973, record.year);
        assertEquals("fb2", record.container);
        assertEquals(Map.of("author", "Михаил Афанасьевич Булгаков", "publisher", "Художественная литература",
                "isbn", "9785170903139", "language", "rus", "series", "Собрание сочинений", "seriesIndex", 5.0),
                record.metadata);
        assertArrayEquals(cover, record.posterImage);
    }

    @Test
    void aBrokenFb2Fails() throws Exception {
        Path file = Files.writeString(root.resolve("broken.fb2"), "<FictionBook><description><title-info>");

        MediaScanException e = assertThrows(MediaScanException.class, () -> recognise(file));

        assertTrue(e.getMessage().startsWith("not a readable FB2 book: "), e.getMessage());
    }

    @Test
    void otherFormatsAreListedByTheirNames() throws Exception {
        Map<String, List<Object>> expected = new LinkedHashMap<>();
        expected.put("Frank Herbert - Dune.mobi", List.of("Dune", "mobi", Map.of("author", "Frank Herbert")));
        expected.put("Iain M. Banks - Excession (1996).azw3", List.of("Excession", "azw3", Map.of("author", "Iain M. Banks")));
        expected.put("Walden (1854).txt", List.of("Walden", "txt", Map.of()));
        expected.put("Atlas.djvu", List.of("Atlas", "djvu", Map.of()));
        for (var entry : expected.entrySet()) {
            Path file = Files.writeString(root.resolve(entry.getKey()), "binary book content");

            MediaRecord record = recognise(file);

            assertEquals(entry.getValue().get(0), record.title, entry.getKey());
            assertEquals(entry.getValue().get(1), record.container, entry.getKey());
            assertEquals(entry.getValue().get(2), record.metadata, entry.getKey());
            assertNull(record.posterImage);
        }
        assertEquals(1854, recognise(root.resolve("Walden (1854).txt")).year);
    }

    @Test
    void anEmptyFileFails() throws Exception {
        Path file = Files.createFile(root.resolve("empty.epub"));

        MediaScanException e = assertThrows(MediaScanException.class, () -> recognise(file));

        assertEquals("empty file", e.getMessage());
    }

    private MediaRecord recognise(Path file) throws MediaScanException {
        return scanner.recognise(context(file)).orElseThrow();
    }

    /** The core's context as a scanner sees it; books are never probed. */
    private ScanContext context(Path file) {
        return TestScanContext.builder(file).root(root).mediaType("book").prober(path -> {
            throw new AssertionError("a book must never be probed: " + path);
        }).build();
    }
}
