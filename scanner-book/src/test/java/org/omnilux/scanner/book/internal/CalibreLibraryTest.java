package org.omnilux.scanner.book.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanException;
import org.omnilux.scanner.testkit.TestConfigurations;
import org.omnilux.scanner.testkit.TestScanContext;

/**
 * Books in a calibre library as calibre lays it out ({@code Author/Title (id)/Title - Author.ext},
 * {@code metadata.opf}, {@code cover.jpg}): the sidecar is the user's edited metadata, which calibre does not
 * write into the book files.
 */
class CalibreLibraryTest {

    /** A metadata.opf as calibre 5 to 7 writes it. */
    private static final String METADATA_OPF = """
            <?xml version='1.0' encoding='utf-8'?>
            <package xmlns="http://www.idpf.org/2007/opf" unique-identifier="uuid_id" version="2.0">
                <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
                    <dc:identifier opf:scheme="calibre" id="calibre_id">42</dc:identifier>
                    <dc:identifier opf:scheme="uuid" id="uuid_id">6f2bd1a4-0c1e-4b51-9d9e-6a4c1f6f2a11</dc:identifier>
                    <dc:title>The Fellowship of the Ring</dc:title>
                    <dc:creator opf:file-as="Tolkien, J. R. R." opf:role="aut">J. R. R. Tolkien</dc:creator>
                    <dc:contributor opf:file-as="calibre" opf:role="bkp">calibre (7.3.0) [https://calibre-ebook.com]</dc:contributor>
                    <dc:date>1954-07-29T00:00:00+00:00</dc:date>
                    <dc:publisher>Allen &amp; Unwin</dc:publisher>
                    <dc:identifier opf:scheme="ISBN">9780261102354</dc:identifier>
                    <dc:language>eng</dc:language>
                    <dc:subject>Fantasy</dc:subject>
                    <meta name="calibre:series" content="The Lord of the Rings"/>
                    <meta name="calibre:series_index" content="1.0"/>
                    <meta name="calibre:title_sort" content="Fellowship of the Ring, The"/>
                </metadata>
                <guide>
                    <reference type="cover" title="Cover" href="cover.jpg"/>
                </guide>
            </package>
            """;

    private static final Map<String, Object> FROM_CALIBRE = Map.of("author", "J. R. R. Tolkien",
            "publisher", "Allen & Unwin", "isbn", "9780261102354", "language", "eng",
            "series", "The Lord of the Rings", "seriesIndex", 1.0);

    private final BookScanner scanner = new BookScanner();

    @TempDir
    Path root;

    @Test
    void anEpubTakesCalibresEditsOverItsOwnOpfAndCalibresCover() throws Exception {
        Path folder = calibreFolder("J. R. R. Tolkien/The Fellowship of the Ring (42)");
        Path epub = Fixtures.epub(folder.resolve("The Fellowship of the Ring - J. R. R. Tolkien.epub"), "content.opf",
                """
                <package xmlns="http://www.idpf.org/2007/opf" version="2.0"><metadata
                  xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>fellowship_scan_v2</dc:title>
                <dc:creator>Unknown</dc:creator><dc:language>en</dc:language></metadata></package>
                """, Map.of());

        MediaRecord record = recognise(epub);

        assertEquals("The Fellowship of the Ring", record.title, "calibre's title, not the file's");
        assertEquals(1954, record.year);
        assertEquals(FROM_CALIBRE, record.metadata);
        assertEquals(folder.resolve("cover.jpg"), record.posterFile);
        assertNull(record.posterImage);
    }

    @Test
    void aPdfKeepsItsPageCountAndIsNotRenderedForACover() throws Exception {
        Path folder = calibreFolder("J. R. R. Tolkien/The Fellowship of the Ring (42)");
        Path pdf = Fixtures.pdf(folder.resolve("The Fellowship of the Ring - J. R. R. Tolkien.pdf"), 3,
                "Microsoft Word - LOTR1.doc", "scanner");

        MediaRecord record = recognise(pdf);

        assertEquals("The Fellowship of the Ring", record.title);
        Map<String, Object> expected = new java.util.HashMap<>(FROM_CALIBRE);
        expected.put("pageCount", 3);
        assertEquals(expected, record.metadata);
        assertEquals(folder.resolve("cover.jpg"), record.posterFile);
        assertNull(record.posterImage, "calibre's cover, so the first page is not rendered");
    }

    @Test
    void everyFormatOfTheBookTakesTheSidecar() throws Exception {
        Path folder = calibreFolder("J. R. R. Tolkien/The Fellowship of the Ring (42)");
        Path txt = Files.writeString(folder.resolve("The Fellowship of the Ring - J. R. R. Tolkien.txt"), "Three Rings");
        Path mobi = Files.write(folder.resolve("The Fellowship of the Ring - J. R. R. Tolkien.azw3"),
                new MobiFixture().exth(MobiReader.EXTH_PUBLISHER, "Scanned").build());

        for (Path file : new Path[] {txt, mobi}) {
            MediaRecord record = recognise(file);
            assertEquals("The Fellowship of the Ring", record.title, file.toString());
            assertEquals(FROM_CALIBRE, record.metadata, file.toString());
        }
    }

    @Test
    void aSidecarWithoutACoverLeavesTheBooksOwnCover() throws Exception {
        Path folder = Files.createDirectories(root.resolve("Ursula K. Le Guin/A Wizard of Earthsea (7)"));
        Files.writeString(folder.resolve("metadata.opf"), METADATA_OPF);
        Path pdf = Fixtures.pdf(folder.resolve("A Wizard of Earthsea - Ursula K. Le Guin.pdf"), 1, null, null);

        MediaRecord record = recognise(pdf);

        assertNull(record.posterFile);
        assertNotNull(record.posterImage, "the first page rendered");
    }

    @Test
    void aMetadataOpfInAFolderOfSeveralBooksIsNobodys() throws Exception {
        Path folder = calibreFolder("Unsorted");
        Path dune = Fixtures.pdf(folder.resolve("Frank Herbert - Dune.pdf"), 1, "Dune", "Frank Herbert");
        Fixtures.pdf(folder.resolve("Isaac Asimov - Foundation.pdf"), 1, "Foundation", "Isaac Asimov");

        MediaRecord record = recognise(dune);

        assertEquals("Dune", record.title);
        assertEquals("Frank Herbert", record.metadata.get("author"));
        assertNull(record.posterFile, "nor its cover.jpg");
    }

    @Test
    void aBrokenOrOversizedSidecarIsIgnored() throws Exception {
        Path broken = Files.createDirectories(root.resolve("a"));
        Files.writeString(broken.resolve("metadata.opf"), "<package><metadata><dc:title>Cut");
        Path dune = Fixtures.pdf(broken.resolve("Dune.pdf"), 1, "Dune", "Frank Herbert");
        Path huge = Files.createDirectories(root.resolve("b"));
        Files.writeString(huge.resolve("metadata.opf"), METADATA_OPF.replace("<dc:subject>",
                "<dc:description>" + "x".repeat(Limits.MAX_XML_BYTES) + "</dc:description><dc:subject>"));
        Path foundation = Fixtures.pdf(huge.resolve("Foundation.pdf"), 1, "Foundation", "Isaac Asimov");

        assertEquals("Dune", recognise(dune).title);
        assertEquals("Foundation", recognise(foundation).title);
    }

    @Test
    void theCoversSettingAlsoTurnsOffCalibresCover() throws Exception {
        Path folder = calibreFolder("J. R. R. Tolkien/The Fellowship of the Ring (42)");
        Path txt = Files.write(folder.resolve("The Fellowship of the Ring - J. R. R. Tolkien.txt"), new byte[] {'x'});
        BookScanner noCovers = new BookScanner();
        noCovers.modified(TestConfigurations.of(BookScanner.Config.class, Map.of("covers", false)));

        MediaRecord record = noCovers.recognise(TestScanContext.builder(txt).root(root).mediaType("book").build())
                .orElseThrow();

        assertEquals("The Fellowship of the Ring", record.title);
        assertNull(record.posterFile);
    }

    private Path calibreFolder(String relative) throws Exception {
        Path folder = Files.createDirectories(root.resolve(relative));
        Files.writeString(folder.resolve("metadata.opf"), METADATA_OPF);
        // the bytes are not looked at: the core stores and serves the file
        Files.write(folder.resolve("cover.jpg"), Fixtures.png(200, 300, Color.BLUE));
        return folder;
    }

    private MediaRecord recognise(Path file) throws MediaScanException {
        return scanner.recognise(TestScanContext.builder(file).root(root).mediaType("book").build()).orElseThrow();
    }
}
