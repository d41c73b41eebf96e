package org.omnilux.scanner.book.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.omnilux.scanner.book.internal.Fixtures.utf8;

import java.awt.Color;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanException;
import org.omnilux.scanner.testkit.TestScanContext;

/**
 * EPUBs as packers really write them: the OPF deep in a folder, covers with spaces in their names, covers named
 * only by an EPUB 2 meta, series as EPUB 3 collections, several identifiers and creators with roles, titles with
 * subtitles, a misplaced or missing {@code mimetype}, a container naming the wrong OPF, an OEB 1 package. Zipped by
 * the test.
 */
class EpubFilesTest {

    private static final String DC = "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
            + "xmlns:opf=\"http://www.idpf.org/2007/opf\"";

    private final BookScanner scanner = new BookScanner();

    @TempDir
    Path root;

    @Test
    void aCoverHrefRelativeToAnOpfInASubFolderWithSpacesEncodedOrNot() throws Exception {
        byte[] encoded = Fixtures.png(30, 40, Color.RED);
        byte[] raw = Fixtures.png(30, 40, Color.GREEN);
        Path one = Fixtures.epub(root.resolve("one.epub"), "OPS/package/content.opf",
                opf("3.0", "<dc:title>Encoded</dc:title>",
                        "<item id='c' href='../images/my%20cover%C3%A9.jpg' media-type='image/jpeg' "
                                + "properties='cover-image'/>"),
                Map.of("OPS/images/my coveré.jpg", encoded));
        Path two = Fixtures.epub(root.resolve("two.epub"), "OPS/package/content.opf",
                opf("3.0", "<dc:title>Raw</dc:title>",
                        "<item id='c' href='images/my cover.jpg' media-type='image/jpeg' properties='cover-image'/>"),
                Map.of("OPS/package/images/my cover.jpg", raw));

        assertArrayEquals(encoded, recognise(one).posterImage);
        assertArrayEquals(raw, recognise(two).posterImage);
    }

    @Test
    void anEpub2CoverGivenOnlyByTheCoverMetaIsFoundByItsId() throws Exception {
        byte[] cover = Fixtures.png(30, 40, Color.BLUE);
        byte[] decoy = Fixtures.png(5, 5, Color.BLACK);
        // the id and the file name say nothing of a cover; an image called cover-* that is not it comes first
        Path file = Fixtures.epub(root.resolve("meta-cover.epub"), "OEBPS/content.opf", opf("2.0", """
                <dc:title>Meta Cover</dc:title>
                <meta content="img0007" name="cover"/>
                """, """
                <item id="cover-background" href="Images/cover-bg.png" media-type="image/png"/>
                <item id="img0007" href="Images/0007.png" media-type="image/png"/>
                """), Map.of("OEBPS/Images/cover-bg.png", decoy, "OEBPS/Images/0007.png", cover));

        assertArrayEquals(cover, recognise(file).posterImage);
    }

    @Test
    void anEpub3SeriesIsTheCollectionOfTypeSeriesWithItsGroupPosition() throws Exception {
        Path file = Fixtures.epub(root.resolve("collection.epub"), "content.opf", opf("3.0", """
                <dc:title>Night Watch</dc:title>
                <meta property="belongs-to-collection" id="set">Discworld Collector's Library</meta>
                <meta refines="#set" property="collection-type">set</meta>
                <meta property="belongs-to-collection" id="series">Discworld</meta>
                <meta refines="#series" property="collection-type">series</meta>
                <meta refines="#series" property="group-position">29</meta>
                """, ""), Map.of());

        assertEquals(Map.of("series", "Discworld", "seriesIndex", 29.0), recognise(file).metadata);
    }

    @Test
    void ofSeveralIdentifiersTheIsbnIsTakenAndTheIsbn13Preferred() throws Exception {
        Path file = Fixtures.epub(root.resolve("ids.epub"), "content.opf", opf("2.0", """
                <dc:title>Dune</dc:title>
                <dc:identifier id="uuid_id" opf:scheme="uuid">urn:uuid:0f4c1a5e-8b8e-4a57-9a2c-0123456789ab</dc:identifier>
                <dc:identifier opf:scheme="calibre">1234</dc:identifier>
                <dc:identifier opf:scheme="ISBN">0-441-17271-7</dc:identifier>
                <dc:identifier>urn:isbn:978-0-441-17271-9</dc:identifier>
                """, ""), Map.of());
        Path tenOnly = Fixtures.epub(root.resolve("ten.epub"), "content.opf", opf("2.0", """
                <dc:title>Dune</dc:title>
                <dc:identifier opf:scheme="uuid">urn:uuid:0f4c1a5e-8b8e-4a57-9a2c-0123456789ab</dc:identifier>
                <dc:identifier opf:scheme="ISBN">0-441-17271-7</dc:identifier>
                """, ""), Map.of());

        // the same edition twice: the 13-digit form is the one every catalogue uses since 2007
        assertEquals("9780441172719", recognise(file).metadata.get("isbn"));
        assertEquals("0441172717", recognise(tenOnly).metadata.get("isbn"));
    }

    @Test
    void onlyAuthorsAreAuthorsNotEditorsOrIllustrators() throws Exception {
        Path epub2 = Fixtures.epub(root.resolve("roles2.epub"), "content.opf", opf("2.0", """
                <dc:title>Anthology</dc:title>
                <dc:creator opf:role="edt">Ed Itor</dc:creator>
                <dc:creator opf:role="aut">First Author</dc:creator>
                <dc:creator opf:role="ill">Ill Ustrator</dc:creator>
                <dc:creator>Unmarked Writer</dc:creator>
                <dc:contributor opf:role="trl">Trans Lator</dc:contributor>
                """, ""), Map.of());
        Path epub3 = Fixtures.epub(root.resolve("roles3.epub"), "content.opf", opf("3.0", """
                <dc:title>Anthology</dc:title>
                <dc:creator id="e">Ed Itor</dc:creator>
                <meta refines="#e" property="role" scheme="marc:relators">edt</meta>
                <dc:creator id="a">First Author</dc:creator>
                <meta refines="#a" property="role" scheme="marc:relators">aut</meta>
                <dc:creator id="i">Ill Ustrator</dc:creator>
                <meta refines="#i" property="role" scheme="marc:relators">ill</meta>
                <dc:creator id="u">Unmarked Writer</dc:creator>
                """, ""), Map.of());

        assertEquals("First Author, Unmarked Writer", recognise(epub2).metadata.get("author"));
        assertEquals("First Author, Unmarked Writer", recognise(epub3).metadata.get("author"));
    }

    @Test
    void anOeb1PackageIsReadFromItsCapitalisedDublinCoreAndItsExtraMetadata() throws Exception {
        byte[] cover = Fixtures.png(30, 40, Color.ORANGE);
        Path file = Fixtures.epub(root.resolve("oeb.epub"), "content.opf", """
                <?xml version="1.0"?>
                <!DOCTYPE package PUBLIC "+//ISBN 0-9673008-1-9//DTD OEB 1.2 Package//EN"
                  "http://openebook.org/dtds/oeb-1.2/oebpkg12.dtd">
                <package unique-identifier="uid">
                  <metadata>
                    <dc-metadata xmlns:dc="http://purl.org/dc/elements/1.0/"
                        xmlns:oebpackage="http://openebook.org/namespaces/oeb-package/1.0/">
                      <dc:Title>Dune</dc:Title>
                      <dc:Creator role="ill">Ill Ustrator</dc:Creator>
                      <dc:Creator role="aut" file-as="Herbert, Frank">Frank Herbert</dc:Creator>
                      <dc:Publisher>Chilton Books</dc:Publisher>
                      <dc:Identifier id="uid" scheme="ISBN">0-441-17271-7</dc:Identifier>
                      <dc:Language>en</dc:Language>
                      <dc:Date>1965</dc:Date>
                    </dc-metadata>
                    <x-metadata>
                      <meta name="cover" content="front"/>
                    </x-metadata>
                  </metadata>
                  <manifest>
                    <item id="front" href="images/0001.png" media-type="image/png"/>
                  </manifest>
                  <spine/>
                </package>
                """, Map.of("images/0001.png", cover));

        MediaRecord record = recognise(file);
        assertEquals("Dune", record.title);
        assertEquals(1965, record.year);
        assertEquals("Frank Herbert", record.metadata.get("author"));
        assertEquals("Chilton Books", record.metadata.get("publisher"));
        assertEquals("0441172717", record.metadata.get("isbn"));
        assertEquals("eng", record.metadata.get("language"));
        assertArrayEquals(cover, record.posterImage);
    }

    @Test
    void theMainTitleWinsOverASubtitleListedFirst() throws Exception {
        Path file = Fixtures.epub(root.resolve("subtitle.epub"), "content.opf", opf("3.0", """
                <dc:title id="sub">A Novel of the Far Future</dc:title>
                <meta refines="#sub" property="title-type">subtitle</meta>
                <dc:title id="main">Dune</dc:title>
                <meta refines="#main" property="title-type">main</meta>
                """, ""), Map.of());

        assertEquals("Dune", recognise(file).title);
    }

    @Test
    void aMimetypeEntryThatIsNotFirstOrMissingIsNoObstacle() throws Exception {
        String opf = opf("2.0", "<dc:title>Sloppy</dc:title><dc:creator>Pack Er</dc:creator>", "");
        Map<String, byte[]> late = new LinkedHashMap<>();
        late.put("META-INF/container.xml", utf8(Fixtures.container("content.opf")));
        late.put("content.opf", utf8(opf));
        late.put("mimetype", utf8("application/epub+zip")); // stored, but last
        Map<String, byte[]> none = new LinkedHashMap<>(late);
        none.remove("mimetype");

        for (Path file : new Path[] {Fixtures.zip(root.resolve("late.epub"), late),
                Fixtures.zip(root.resolve("none.epub"), none)}) {
            MediaRecord record = recognise(file);
            assertEquals("Sloppy", record.title, file.toString());
            assertEquals(Map.of("author", "Pack Er"), record.metadata, file.toString());
        }
    }

    @Test
    void aContainerNamingAMissingOpfIsAScanErrorNamingIt() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("mimetype", utf8("application/epub+zip"));
        entries.put("META-INF/container.xml", utf8(Fixtures.container("OEBPS/book.opf")));
        entries.put("OEBPS/one.opf", utf8(opf("2.0", "<dc:title>One</dc:title>", "")));
        entries.put("OEBPS/two.opf", utf8(opf("2.0", "<dc:title>Two</dc:title>", "")));
        Path file = Fixtures.zip(root.resolve("dangling.epub"), entries);

        MediaScanException e = assertThrows(MediaScanException.class, () -> recognise(file));

        assertEquals("not a readable EPUB: META-INF/container.xml names OEBPS/book.opf, which is not in the book",
                e.getMessage());
    }

    @Test
    void aContainerNamingAMissingOpfFallsBackToTheOnlyOpfOfTheBook() throws Exception {
        // packed on a case-insensitive file system: the container says Content.opf, the zip holds content.opf
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("mimetype", utf8("application/epub+zip"));
        entries.put("META-INF/container.xml", utf8(Fixtures.container("OEBPS/Content.opf")));
        entries.put("OEBPS/content.opf", utf8(opf("2.0", "<dc:title>Case Slip</dc:title>", "")));
        Path file = Fixtures.zip(root.resolve("case.epub"), entries);

        assertEquals("Case Slip", recognise(file).title);
    }

    // ---- helpers

    /** A package document of this version with these metadata children and manifest items. */
    private static String opf(String version, String metadata, String manifest) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <package xmlns="http://www.idpf.org/2007/opf" version="%s" unique-identifier="uuid_id">
                  <metadata %s>
                %s
                  </metadata>
                  <manifest>
                %s
                  </manifest>
                  <spine/>
                </package>
                """.formatted(version, DC, metadata, manifest);
    }

    private MediaRecord recognise(Path file) throws MediaScanException {
        return scanner.recognise(TestScanContext.builder(file).root(root).mediaType("book").build()).orElseThrow();
    }
}
