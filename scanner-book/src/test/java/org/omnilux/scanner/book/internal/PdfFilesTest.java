package org.omnilux.scanner.book.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanException;
import org.omnilux.scanner.testkit.TestScanContext;

/**
 * PDFs as real libraries hold them: protected by an owner or a user password, with their metadata in XMP only,
 * with hundreds of pages, with a blank or a landscape first page. All written with PDFBox by the test.
 */
class PdfFilesTest {

    private final BookScanner scanner = new BookScanner();

    @TempDir
    Path root;

    /** 40-bit RC4 (old Acrobat), 128-bit AES and 256-bit AES: the three a library holds. */
    @ParameterizedTest
    @ValueSource(ints = {40, 128, 256})
    void aPdfWithAnOwnerPasswordOnlyOpensAndIsReadInFull(int keyLength) throws Exception {
        Path file = Fixtures.pdf(root.resolve("plain.pdf"), 3, "Protected Title", "Jane Writer");
        AccessPermission nothing = new AccessPermission();
        nothing.setCanPrint(false);
        nothing.setCanExtractContent(false);
        nothing.setCanModify(false);
        Path encrypted = encrypt(file, root.resolve("owner-" + keyLength + ".pdf"), "owner-secret", "", nothing,
                keyLength);

        MediaRecord record = recognise(encrypted);

        assertEquals("Protected Title", record.title);
        assertEquals(Map.of("author", "Jane Writer", "pageCount", 3), record.metadata);
        assertRedCover(record.posterImage);
    }

    @Test
    void aPdfThatNeedsAPasswordToOpenIsListedByItsName() throws Exception {
        Path file = Fixtures.pdf(root.resolve("plain.pdf"), 3, "Hidden Title", "Hidden Author");
        Path encrypted = encrypt(file, root.resolve("Isaac Asimov - Foundation (1951).pdf"), "owner-secret",
                "user-secret", new AccessPermission(), 128);

        MediaRecord record = recognise(encrypted);

        // a book the user owns and opens with the password: listed, with what its name says, never a scan error
        assertEquals("Foundation", record.title);
        assertEquals(1951, record.year);
        assertEquals("pdf", record.container);
        assertEquals(Map.of("author", "Isaac Asimov"), record.metadata);
        assertNull(record.posterImage);
    }

    @Test
    void aPdfWithItsMetadataInXmpOnlyTakesTitleAndCreatorsFromIt() throws Exception {
        Path file = root.resolve("scan0042.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(PDRectangle.A5));
            document.getDocumentInformation().getCOSObject().clear(); // an Info dictionary without entries
            document.getDocumentCatalog().setMetadata(new PDMetadata(document,
                    new ByteArrayInputStream(xmp("""
                            <dc:title><rdf:Alt>
                              <rdf:li xml:lang="de">Die Physik der Unsterblichkeit</rdf:li>
                              <rdf:li xml:lang="x-default">The Physics of Immortality</rdf:li>
                            </rdf:Alt></dc:title>
                            <dc:creator><rdf:Seq>
                              <rdf:li>Frank J. Tipler</rdf:li>
                              <rdf:li>Second Author</rdf:li>
                            </rdf:Seq></dc:creator>
                            """))));
            document.save(file.toFile());
        }
        try (PDDocument check = Loader.loadPDF(file.toFile())) {
            assertNull(check.getDocumentInformation().getTitle(), "the fixture has no title in its Info dictionary");
        }

        MediaRecord record = recognise(file);

        assertEquals("The Physics of Immortality", record.title, "x-default, whatever the order of the languages");
        assertEquals(Map.of("author", "Frank J. Tipler, Second Author", "pageCount", 1), record.metadata);
    }

    @Test
    void theInfoDictionaryWinsOverXmpAndXmpFillsWhatItLacks() throws Exception {
        Path file = root.resolve("both.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(PDRectangle.A5));
            document.getDocumentInformation().setTitle("Title From Info");
            document.getDocumentCatalog().setMetadata(new PDMetadata(document, new ByteArrayInputStream(xmp("""
                    <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Title From XMP</rdf:li></rdf:Alt></dc:title>
                    <dc:creator><rdf:Seq><rdf:li>Creator From XMP</rdf:li></rdf:Seq></dc:creator>
                    """))));
            document.save(file.toFile());
        }

        MediaRecord record = recognise(file);

        assertEquals("Title From Info", record.title);
        assertEquals(Map.of("author", "Creator From XMP", "pageCount", 1), record.metadata);
    }

    @Test
    void aPdfWithMalformedXmpIsStillReadFromItsInfoDictionary() throws Exception {
        Path file = root.resolve("bad-xmp.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(PDRectangle.A5));
            document.getDocumentInformation().setAuthor("Info Author");
            document.getDocumentCatalog().setMetadata(new PDMetadata(document,
                    new ByteArrayInputStream("<x:xmpmeta><rdf:RDF><unclosed>".getBytes(StandardCharsets.UTF_8))));
            document.save(file.toFile());
        }

        MediaRecord record = recognise(file);

        assertEquals("bad-xmp", record.title);
        assertEquals(Map.of("author", "Info Author", "pageCount", 1), record.metadata);
    }

    @Test
    void aPdfOfHundredsOfPagesCountsThemAndRendersOnlyTheFirst() throws Exception {
        // page 1 is red, every other page white with text: a red cover proves it is page 1
        Path file = Fixtures.pdf(root.resolve("thick.pdf"), 800, "A Thick Book", "Long Winded");

        // a hang guard, not a performance target (bench/ has those): rendering every page would take minutes
        MediaRecord record = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> recognise(file));

        assertEquals("A Thick Book", record.title);
        assertEquals(Map.of("author", "Long Winded", "pageCount", 800), record.metadata);
        assertRedCover(record.posterImage);
    }

    @Test
    void aBlankFirstPageGivesNoCover() throws Exception {
        Path file = root.resolve("blank-first.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(PDRectangle.A5)); // no content stream at all: a white page
            PDPage second = new PDPage(PDRectangle.A5);
            document.addPage(second);
            try (PDPageContentStream content = new PDPageContentStream(document, second)) {
                content.setNonStrokingColor(Color.RED);
                content.addRect(0, 0, 100, 100);
                content.fill();
            }
            document.getDocumentInformation().setTitle("Starts Blank");
            document.save(file.toFile());
        }

        MediaRecord record = recognise(file);

        assertEquals("Starts Blank", record.title);
        assertEquals(Map.of("pageCount", 2), record.metadata);
        // a white rectangle says less than the UI's placeholder with the title on it
        assertNull(record.posterImage == null ? null : "a cover of " + record.posterImage.length + " bytes");
    }

    @Test
    void aPageIsBlankOnlyWhenNothingButPaperAndScannerNoiseIsOnIt() {
        BufferedImage noise = new BufferedImage(50, 70, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < 70; y++) {
            for (int x = 0; x < 50; x++) {
                int grey = 250 + random.nextInt(6);
                noise.setRGB(x, y, new Color(grey, grey, grey).getRGB());
            }
        }
        assertTrue(PdfReader.isBlank(noise), "a blank scanned leaf");
        noise.setRGB(49, 69, new Color(200, 200, 200).getRGB());
        assertFalse(PdfReader.isBlank(noise), "one grey pixel in the last corner is something on the page");
        BufferedImage red = new BufferedImage(50, 70, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = red.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 50, 70);
        g.dispose();
        assertFalse(PdfReader.isBlank(red), "a page of one bright colour may be the cover");
    }

    @Test
    void aLandscapeOrRotatedFirstPageIsRenderedLandscape() throws Exception {
        PDRectangle a4Landscape = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
        Path landscape = onePage(root.resolve("landscape.pdf"), a4Landscape, 0);
        Path rotated = onePage(root.resolve("rotated.pdf"), PDRectangle.A4, 90);
        Path poster = onePage(root.resolve("poster.pdf"), new PDRectangle(3000, 2000), 0);

        BufferedImage wide = image(recognise(landscape).posterImage);
        BufferedImage turned = image(recognise(rotated).posterImage);
        BufferedImage big = image(recognise(poster).posterImage);

        assertEquals(842, wide.getWidth(), 2, "A4 landscape at 72 dpi");
        assertEquals(595, wide.getHeight(), 2);
        assertEquals(842, turned.getWidth(), 2, "a portrait page turned by /Rotate 90 shows landscape");
        assertEquals(595, turned.getHeight(), 2);
        assertEquals(PdfReader.MAX_COVER_SIDE, big.getWidth(), 2, "a poster page is scaled down");
        assertEquals(800, big.getHeight(), 2);
    }

    // ---- fixtures

    private static Path encrypt(Path plain, Path target, String owner, String user, AccessPermission permissions,
            int keyLength) throws IOException {
        try (PDDocument document = Loader.loadPDF(plain.toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy(owner, user, permissions);
            policy.setEncryptionKeyLength(keyLength);
            document.protect(policy);
            document.save(target.toFile());
        }
        try (PDDocument check = Loader.loadPDF(target.toFile(), owner)) {
            assertTrue(check.isEncrypted(), "the fixture is encrypted");
        }
        return target;
    }

    /** An XMP packet as Acrobat and exiftool write it, the Dublin Core properties given. */
    private static byte[] xmp(String dublinCore) {
        return ("""
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 5.6-c015">
                  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                    <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" pdf:Producer="scanner 1.0"/>
                    <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
                      <dc:format>application/pdf</dc:format>
                """ + dublinCore + """
                    </rdf:Description>
                  </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>
                """).getBytes(StandardCharsets.UTF_8);
    }

    /** One page of this size and rotation, filled dark blue so it is no blank page. */
    private static Path onePage(Path file, PDRectangle size, int rotation) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(size);
            page.setRotation(rotation);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.setNonStrokingColor(Color.BLUE);
                content.addRect(0, 0, size.getWidth() / 2, size.getHeight() / 2);
                content.fill();
            }
            document.save(file.toFile());
        }
        return file;
    }

    private static BufferedImage image(byte[] jpeg) throws IOException {
        assertNotNull(jpeg, "a cover");
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    private static void assertRedCover(byte[] jpeg) throws IOException {
        BufferedImage cover = image(jpeg);
        assertEquals(420, cover.getWidth(), 2, "A5 at 72 dpi");
        Color pixel = new Color(cover.getRGB(10, 10));
        assertTrue(pixel.getRed() > 200 && pixel.getGreen() < 60 && pixel.getBlue() < 60, "page 1 is red: " + pixel);
    }

    private MediaRecord recognise(Path file) throws MediaScanException {
        return scanner.recognise(TestScanContext.builder(file).root(root).mediaType("book").build()).orElseThrow();
    }
}
