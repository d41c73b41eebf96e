package org.omnilux.apitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The book scanner end to end: the launched server with only the shipped book scanner installed, a generated
 * library (EPUB 3 with cover, a two-page PDF, FB2, MOBI known by its name, a broken EPUB, a PDF in a calibre
 * library with its metadata.opf and cover.jpg), scanned and read back over real HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BookScannerIT {

    private OmniLuxServer server;
    private Api api;
    private String admin;
    private Path books;
    private long rootId;

    @BeforeAll
    void startServer() throws Exception {
        server = OmniLuxServer.create("book-scanner", false);
        server.installScanner("book");
        books = server.home.resolve("media/books");
        epub(books.resolve("Frank Herbert/Dune.epub"));
        pdf(books.resolve("pragmatic.pdf"), "The Pragmatic Programmer", "Andrew Hunt, David Thomas");
        Files.writeString(books.resolve("Iain M. Banks - Excession (1996).mobi"), "BOOKMOBI not really a mobi");
        Files.writeString(books.resolve("walden.fb2"), """
                <?xml version="1.0" encoding="utf-8"?>
                <FictionBook xmlns="http://www.gribuser.ru/xml/fictionbook/2.0">
                  <description>
                    <title-info>
                      <author><first-name>Henry</first-name><middle-name>David</middle-name><last-name>Thoreau</last-name></author>
                      <book-title>Walden</book-title><lang>en</lang>
                    </title-info>
                    <publish-info><publisher>Ticknor and Fields</publisher><year>1854</year></publish-info>
                  </description>
                  <body><section><p>I went to the woods…</p></section></body>
                </FictionBook>
                """);
        Files.writeString(books.resolve("Broken.epub"), "this is not a zip ".repeat(100));
        // a calibre library's book folder: calibre keeps the user's metadata and the cover beside the file
        Path calibre = Files.createDirectories(books.resolve("Calibre/Ursula K. Le Guin/A Wizard of Earthsea (7)"));
        pdf(calibre.resolve("A Wizard of Earthsea - Ursula K. Le Guin.pdf"), "scan0001", "HP Scanjet");
        Files.writeString(calibre.resolve("metadata.opf"), """
                <?xml version='1.0' encoding='utf-8'?>
                <package xmlns="http://www.idpf.org/2007/opf" unique-identifier="uuid_id" version="2.0">
                    <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
                        <dc:identifier opf:scheme="calibre" id="calibre_id">7</dc:identifier>
                        <dc:title>A Wizard of Earthsea</dc:title>
                        <dc:creator opf:file-as="Le Guin, Ursula K." opf:role="aut">Ursula K. Le Guin</dc:creator>
                        <dc:date>1968-11-01T00:00:00+00:00</dc:date>
                        <dc:identifier opf:scheme="ISBN">9780547773742</dc:identifier>
                        <dc:language>eng</dc:language>
                        <meta name="calibre:series" content="Earthsea Cycle"/>
                        <meta name="calibre:series_index" content="1.0"/>
                    </metadata>
                    <guide><reference type="cover" title="Cover" href="cover.jpg"/></guide>
                </package>
                """);
        Files.write(calibre.resolve("cover.jpg"), image(Color.ORANGE, "jpg"));
        server.start();
        api = new Api(server);
        admin = api.loginAdmin();
        api.awaitScanner("book", admin);
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            int exit = server.stop();
            assertTrue(exit == 0 || exit == 143, "clean exit on SIGTERM, got " + exit);
        }
    }

    @Test
    @Order(1)
    void theBookScannerIsInstalled() {
        JsonNode plugins = api.get("/api/plugins", admin).json();
        List<String> types = new ArrayList<>();
        plugins.forEach(plugin -> plugin.path("mediaTypes").forEach(type -> types.add(type.asText())));
        assertEquals(List.of("book"), types, plugins.toString());
    }

    @Test
    @Order(2)
    void scanRecordsTheBooksAndCountsTheBrokenOne() throws Exception {
        Api.Response created = api.post("/api/library/roots", admin,
                Api.json("path", books.toString(), "name", "Books", "mediaType", "book"));
        assertEquals(201, created.status(), created.raw().body());
        rootId = created.json().path("id").asLong();

        Api.Response started = api.post("/api/library/scan", admin, Api.json("rootId", rootId));
        assertEquals(202, started.status(), started.raw().body());
        JsonNode job = api.awaitJob(started.json().path("jobId").asLong(), admin);

        assertEquals("completed", job.path("status").asText(), job.toString());
        assertEquals(5, job.path("filesAdded").asLong(), job.toString());
        assertEquals(1, job.path("filesFailed").asLong(), job.toString());
        JsonNode error = job.path("errors").get(0);
        assertTrue(error.path("path").asText().endsWith("Broken.epub"), job.toString());
        assertTrue(error.path("message").asText().contains("EPUB"), job.toString());
    }

    @Test
    @Order(3)
    void booksCarryTheirMetadataAndCovers() {
        JsonNode page = api.get("/api/library/files?mediaType=book&sort=title", admin).json();
        assertEquals(List.of("A Wizard of Earthsea", "Dune", "Excession", "The Pragmatic Programmer", "Walden"),
                titles(page));

        JsonNode earthsea = detail(find(page, "A Wizard of Earthsea"));
        assertEquals("pdf", earthsea.path("container").asText());
        assertEquals(1968, earthsea.path("year").asInt(), "calibre's metadata.opf, not the PDF's own");
        assertEquals("Ursula K. Le Guin", earthsea.path("metadata").path("author").asText());
        assertEquals("Earthsea Cycle", earthsea.path("metadata").path("series").asText());
        assertEquals("9780547773742", earthsea.path("metadata").path("isbn").asText());
        assertEquals(2, earthsea.path("metadata").path("pageCount").asInt(), "the file's own");
        assertPoster(earthsea.path("metadata"), "image/jpeg");

        JsonNode dune = detail(find(page, "Dune"));
        assertEquals("book", dune.path("mediaType").asText());
        assertEquals("epub", dune.path("container").asText());
        assertEquals(1965, dune.path("year").asInt());
        JsonNode metadata = dune.path("metadata");
        assertEquals("Frank Herbert", metadata.path("author").asText());
        assertEquals("Chilton Books", metadata.path("publisher").asText());
        assertEquals("9780441172719", metadata.path("isbn").asText());
        assertEquals("eng", metadata.path("language").asText());
        assertEquals("Dune Chronicles", metadata.path("series").asText());
        assertEquals(1.0, metadata.path("seriesIndex").asDouble());
        assertPoster(metadata, "image/png");
        assertTrue(dune.path("codec").isNull() || dune.path("codec").isMissingNode(), "a book has no codec");

        JsonNode pdf = detail(find(page, "The Pragmatic Programmer"));
        assertEquals("pdf", pdf.path("container").asText());
        assertEquals("Andrew Hunt, David Thomas", pdf.path("metadata").path("author").asText());
        assertEquals(2, pdf.path("metadata").path("pageCount").asInt());
        assertPoster(pdf.path("metadata"), "image/jpeg");

        JsonNode mobi = find(page, "Excession");
        assertEquals("mobi", mobi.path("container").asText());
        assertEquals(1996, mobi.path("year").asInt());
        assertEquals("Iain M. Banks", mobi.path("metadata").path("author").asText());
        assertFalse(mobi.path("metadata").hasNonNull("posterUrl"), "no cover: " + mobi);

        JsonNode fb2 = find(page, "Walden");
        assertEquals("fb2", fb2.path("container").asText());
        assertEquals(1854, fb2.path("year").asInt());
        assertEquals("Henry David Thoreau", fb2.path("metadata").path("author").asText());
        assertEquals("Ticknor and Fields", fb2.path("metadata").path("publisher").asText());
    }

    @Test
    @Order(4)
    void searchFindsAuthorsAndSeries() {
        assertEquals(List.of("Dune"), titles(api.get("/api/library/files?search=herbert", admin).json()));
        assertEquals(List.of("Dune"), titles(api.get("/api/library/files?search=chronicles", admin).json()));
        assertEquals(List.of("Walden"), titles(api.get("/api/library/files?search=thoreau", admin).json()));
    }

    @Test
    @Order(5)
    void theDeclaredBookFieldsCanBeEdited() {
        long id = find(api.get("/api/library/files?mediaType=book", admin).json(), "Excession").path("id").asLong();
        Api.Response edited = api.put("/api/library/files/" + id + "/metadata", admin,
                "{\"series\": \"Culture\", \"seriesIndex\": 5, \"pageCount\": 451, \"isbn\": \"9780553575378\"}");
        assertEquals(200, edited.status(), edited.raw().body());
        assertEquals("Culture", edited.json().path("metadata").path("series").asText());
        assertEquals(5.0, edited.json().path("metadata").path("seriesIndex").asDouble());
        assertEquals(451, edited.json().path("metadata").path("pageCount").asInt());
        api.put("/api/library/files/" + id + "/metadata", admin, "{\"pageCount\": \"many\"}").assertProblem(400);
        api.put("/api/library/files/" + id + "/metadata", admin, "{\"codec\": \"epub\"}").assertProblem(400);

        JsonNode stats = api.get("/api/library/stats", admin).json();
        assertEquals(5, stats.path("byMediaType").path("book").path("count").asLong(), stats.toString());
    }

    // ---- helpers

    private void assertPoster(JsonNode metadata, String contentType) {
        String posterUrl = metadata.path("posterUrl").asText();
        assertTrue(posterUrl.startsWith("/artwork/"), "a cover: " + metadata);
        Api.Response image = api.get(posterUrl + "?access_token=" + admin, null);
        assertEquals(200, image.status());
        assertTrue(image.header("Content-Type").startsWith(contentType), image.header("Content-Type"));
    }

    private JsonNode detail(JsonNode item) {
        Api.Response response = api.get("/api/library/files/" + item.path("id").asLong(), admin);
        assertEquals(200, response.status(), response.raw().body());
        return response.json();
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.path("items").forEach(item -> titles.add(item.path("title").asText()));
        return titles;
    }

    private static JsonNode find(JsonNode page, String title) {
        for (JsonNode item : page.path("items")) {
            if (title.equals(item.path("title").asText())) {
                return item;
            }
        }
        throw new AssertionError("no " + title + " in " + page);
    }

    private static byte[] png(Color color) throws IOException {
        return image(color, "png");
    }

    private static byte[] image(Color color, String format) throws IOException {
        BufferedImage image = new BufferedImage(60, 90, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 60, 90);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** An EPUB 3 with a cover image, calibre series metas and an ISBN. */
    private static void epub(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("mimetype", "application/epub+zip".getBytes(StandardCharsets.US_ASCII));
        entries.put("META-INF/container.xml", """
                <?xml version="1.0"?>
                <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
                  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
                </container>
                """.getBytes(StandardCharsets.UTF_8));
        entries.put("OEBPS/content.opf", """
                <?xml version="1.0" encoding="UTF-8"?>
                <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
                  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                    <dc:title>Dune</dc:title>
                    <dc:creator id="a">Frank Herbert</dc:creator>
                    <meta refines="#a" property="role" scheme="marc:relators">aut</meta>
                    <dc:publisher>Chilton Books</dc:publisher>
                    <dc:identifier id="id">urn:isbn:978-0-441-17271-9</dc:identifier>
                    <dc:language>en</dc:language>
                    <dc:date>1965-08-01</dc:date>
                    <meta name="calibre:series" content="Dune Chronicles"/>
                    <meta name="calibre:series_index" content="1"/>
                  </metadata>
                  <manifest>
                    <item id="cover" href="images/cover.png" media-type="image/png" properties="cover-image"/>
                    <item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/>
                  </manifest>
                  <spine><itemref idref="c1"/></spine>
                </package>
                """.getBytes(StandardCharsets.UTF_8));
        entries.put("OEBPS/images/cover.png", png(Color.ORANGE));
        entries.put("OEBPS/c1.xhtml", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>A beginning…</body></html>"
                .getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(file.getParent());
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
    }

    /** A minimal two-page PDF written by hand (page 1 filled red), with a document information dictionary. */
    private static void pdf(Path file, String title, String author) throws IOException {
        String content = "1 0 0 rg 0 0 200 300 re f";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 300] /Contents 5 0 R >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 300] >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
                "<< /Title (" + title + ") /Author (" + author + ") >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R /Info 6 0 R >>\n")
                .append("startxref\n").append(xref).append("\n%%EOF\n");
        Files.createDirectories(file.getParent());
        Files.write(file, pdf.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
