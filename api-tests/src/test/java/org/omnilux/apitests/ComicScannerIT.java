package org.omnilux.apitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.concurrent.TimeUnit;
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
 * The comic scanner end to end: the launched server with only the shipped comic scanner installed, a generated
 * library (CBZ with ComicInfo.xml, CBZ known by its name, a tar named .cbr read through bsdtar, garbage CB7 and
 * CBR), scanned and read back over real HTTP. A real RAR cannot be generated here (no free RAR writer): the
 * {@code .cbr} path is exercised with a tar, which takes the same bsdtar route.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComicScannerIT {

    private OmniLuxServer server;
    private Api api;
    private String admin;
    private Path comics;
    private byte[] sagaOneCover;

    @BeforeAll
    void startServer() throws Exception {
        server = OmniLuxServer.create("comic-scanner", false);
        server.installScanner("comic");
        comics = server.home.resolve("media/comics");

        sagaOneCover = png(Color.RED);
        Map<String, byte[]> one = new LinkedHashMap<>();
        one.put("ComicInfo.xml", """
                <?xml version="1.0" encoding="utf-8"?>
                <ComicInfo>
                  <Title>Chapter One</Title><Series>Saga</Series><Number>001</Number><Volume>1</Volume>
                  <Year>2012</Year><Writer>Brian K. Vaughan</Writer><Publisher>Image</Publisher><PageCount>3</PageCount>
                </ComicInfo>
                """.getBytes(StandardCharsets.UTF_8));
        one.put("p10.png", png(Color.BLUE));
        one.put("p2.png", png(Color.GREEN));
        one.put("p1.png", sagaOneCover);
        zip(comics.resolve("Saga/Saga 001 (2012).cbz"), one);

        zip(comics.resolve("Saga/Saga 002 (2012) (Digital).cbz"),
                Map.of("__MACOSX/._01.png", new byte[] {1, 2, 3}, "01.png", png(Color.WHITE), "02.png", png(Color.BLACK)));

        Path pages = server.home.resolve("cbr-pages");
        Files.createDirectories(pages);
        Files.write(pages.resolve("01.png"), png(Color.YELLOW));
        Files.write(pages.resolve("ComicInfo.xml"), "<ComicInfo><Writer>Alan Moore</Writer></ComicInfo>".getBytes(StandardCharsets.UTF_8));
        bsdtar("-cf", comics.resolve("Watchmen #3 (1986).cbr").toString(), "-C", pages.toString(), "01.png", "ComicInfo.xml");

        Files.writeString(comics.resolve("Broken 001.cb7"), "this is not a 7z archive ".repeat(50));
        Files.writeString(comics.resolve("Broken 002.cbr"), "this is not a rar archive ".repeat(50));
        server.start();
        api = new Api(server);
        admin = api.loginAdmin();
        api.awaitScanner("comic", admin);
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
    void scanRecordsTheComicsAndCountsTheBrokenOnes() throws Exception {
        Api.Response created = api.post("/api/library/roots", admin,
                Api.json("path", comics.toString(), "name", "Comics", "mediaType", "comic"));
        assertEquals(201, created.status(), created.raw().body());
        long rootId = created.json().path("id").asLong();

        JsonNode job = api.awaitJob(api.post("/api/library/scan", admin, Api.json("rootId", rootId)).json().path("jobId").asLong(), admin);

        assertEquals("completed", job.path("status").asText(), job.toString());
        assertEquals(3, job.path("filesAdded").asLong(), job.toString());
        assertEquals(2, job.path("filesFailed").asLong(), job.toString());
        List<String> failed = new ArrayList<>();
        job.path("errors").forEach(error -> failed.add(Path.of(error.path("path").asText()).getFileName() + ": "
                + error.path("message").asText()));
        failed.sort(null);
        assertTrue(failed.get(0).startsWith("Broken 001.cb7: not a readable cb7 archive"), failed.toString());
        assertTrue(failed.get(1).startsWith("Broken 002.cbr: not a readable cbr archive"), failed.toString());
    }

    @Test
    @Order(2)
    void comicsCarryTheirMetadataAndCovers() throws Exception {
        JsonNode page = api.get("/api/library/files?mediaType=comic&sort=title", admin).json();
        assertEquals(List.of("Chapter One", "Saga #2", "Watchmen #3"), titles(page));

        JsonNode one = api.get("/api/library/files/" + find(page, "Chapter One").path("id").asLong(), admin).json();
        assertEquals("comic", one.path("mediaType").asText());
        assertEquals("cbz", one.path("container").asText());
        assertEquals(2012, one.path("year").asInt());
        JsonNode metadata = one.path("metadata");
        assertEquals("Saga", metadata.path("series").asText());
        assertEquals("1", metadata.path("issueNumber").asText());
        assertEquals(1, metadata.path("volume").asInt());
        assertEquals("Brian K. Vaughan", metadata.path("writer").asText());
        assertEquals("Image", metadata.path("publisher").asText());
        assertEquals(3, metadata.path("pageCount").asInt());
        String posterUrl = metadata.path("posterUrl").asText();
        assertTrue(posterUrl.startsWith("/artwork/"), "a cover: " + metadata);
        var image = java.net.http.HttpClient.newHttpClient().send(api.builder(posterUrl, admin).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, image.statusCode());
        assertTrue(java.util.Arrays.equals(sagaOneCover, image.body()), "the cover is the first page in natural order");

        JsonNode two = find(page, "Saga #2");
        assertEquals("2", two.path("metadata").path("issueNumber").asText());
        assertEquals(2, two.path("metadata").path("pageCount").asInt(), "__MACOSX is not a page");
        assertEquals(2012, two.path("year").asInt());
        assertTrue(two.path("metadata").path("posterUrl").asText().startsWith("/artwork/"));

        JsonNode three = find(page, "Watchmen #3");
        assertEquals("cbt", three.path("container").asText(), "read by bsdtar; the container is the real format");
        assertEquals("Watchmen", three.path("metadata").path("series").asText());
        assertEquals("Alan Moore", three.path("metadata").path("writer").asText());
        assertEquals(1986, three.path("year").asInt());
        assertTrue(three.path("metadata").path("posterUrl").asText().startsWith("/artwork/"));

        assertEquals(List.of("Watchmen #3"), titles(api.get("/api/library/files?search=moore", admin).json()));
    }

    @Test
    @Order(3)
    void issueNumbersAreStringsWhenEdited() {
        long id = find(api.get("/api/library/files?mediaType=comic", admin).json(), "Saga #2").path("id").asLong();
        Api.Response edited = api.put("/api/library/files/" + id + "/metadata", admin, "{\"issueNumber\": \"2A\", \"volume\": 1}");
        assertEquals(200, edited.status(), edited.raw().body());
        assertEquals("2A", edited.json().path("metadata").path("issueNumber").asText());
        api.put("/api/library/files/" + id + "/metadata", admin, "{\"volume\": \"one\"}").assertProblem(400);
    }

    // ---- helpers

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
        BufferedImage image = new BufferedImage(32, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 32, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void zip(Path file, Map<String, byte[]> entries) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
    }

    private static void bsdtar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bsdtar"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("bsdtar is required by the tests (apt-get install -y libarchive-tools)", e);
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("bsdtar failed: " + command + "\n" + output);
        }
    }
}
