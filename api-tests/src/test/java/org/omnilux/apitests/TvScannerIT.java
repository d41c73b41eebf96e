package org.omnilux.apitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The {@code tv} scanner end to end: the launched server with the shipped tv scanner bundle, a generated show
 * tree (real ffmpeg clips, NFOs, a poster, an extra and a corrupt file), scanned and read back over HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TvScannerIT {

    private OmniLuxServer server;
    private Api api;
    private String admin;
    private Path tv;
    private long rootId;

    @BeforeAll
    void startServer() throws Exception {
        server = OmniLuxServer.create("tv-scanner", false);
        server.installScanner("tv");
        tv = server.home.resolve("media/tv");

        Path show = tv.resolve("Breaking Bad (2008)");
        write(show.resolve("tvshow.nfo"), """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <tvshow>
                  <title>Breaking Bad</title>
                  <plot>A chemistry teacher turned meth cook.</plot>
                  <premiered>2008-01-20</premiered>
                  <uniqueid type="tvdb" default="true">81189</uniqueid>
                </tvshow>
                """);
        TestFiles.image(show.resolve("poster.jpg"));
        Path pilot = TestFiles.video(show.resolve("Season 01/breaking.bad.s01e01.720p.hdtv.x264-grp.mkv"), 320, 240);
        write(pilot.resolveSibling("breaking.bad.s01e01.720p.hdtv.x264-grp.nfo"), """
                <episodedetails>
                  <title>Pilot</title>
                  <season>1</season>
                  <episode>1</episode>
                  <aired>2008-01-20</aired>
                  <plot>Walter White learns he has cancer.</plot>
                </episodedetails>
                """);
        TestFiles.video(show.resolve("Season 01/Breaking Bad - S01E02E03 - Double Feature.mp4"), 320, 240);
        TestFiles.video(show.resolve("Specials/Breaking Bad - S00E01 - Good Cop Bad Cop.mkv"), 320, 240);
        TestFiles.video(show.resolve("Extras/Making of.mkv"), 320, 240);
        TestFiles.video(tv.resolve("Frieren/[SubsPlease] Sousou no Frieren - 12 (1080p) [A1B2C3D4].mkv"), 320, 240);
        TestFiles.video(tv.resolve("The Daily Show/The.Daily.Show.2024.01.15.mkv"), 320, 240);
        write(tv.resolve("Broken Show/Season 01/Broken Show - S01E01.mkv"), "this is not a video".repeat(100));

        server.start();
        api = new Api(server);
        admin = api.loginAdmin();
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
    void theTvScannerIsInstalled() {
        JsonNode tvPlugin = null;
        for (JsonNode plugin : api.get("/api/plugins", admin).json()) {
            if (plugin.path("mediaTypes").toString().contains("\"tv\"")) {
                tvPlugin = plugin;
            }
        }
        assertNotNull(tvPlugin, "a plugin for tv");
        assertEquals("org.omnilux.scanner.tv", tvPlugin.path("id").asText());
        assertEquals("active", tvPlugin.path("state").asText());
    }

    @Test
    @Order(2)
    void aScanRecordsTheEpisodesAndCountsTheCorruptFile() throws Exception {
        Api.Response created = api.post("/api/library/roots", admin, Api.json("path", tv.toString(), "name", "TV",
                "mediaType", "tv"));
        assertEquals(201, created.status(), created.raw().body());
        rootId = created.json().path("id").asLong();

        Api.Response started = api.post("/api/library/scan", admin, Api.json("rootId", rootId));
        assertEquals(202, started.status(), started.raw().body());
        JsonNode job = api.awaitJob(started.json().path("jobId").asLong(), admin);

        assertEquals("completed", job.path("status").asText(), job.toString());
        assertEquals(5, job.path("filesAdded").asLong(), "the extra is not an episode: " + job);
        assertEquals(1, job.path("filesFailed").asLong(), job.toString());
        assertEquals(1, job.path("errors").size(), job.toString());
        assertTrue(job.path("errors").get(0).path("path").asText().endsWith("Broken Show - S01E01.mkv"), job.toString());
        assertFalse(job.path("errors").get(0).path("message").asText().isBlank(), job.toString());
    }

    @Test
    @Order(3)
    void episodesCarryTheirTvMetadata() {
        JsonNode page = api.get("/api/library/files?mediaType=tv&sort=title", admin).json();
        assertEquals(5, page.path("total").asLong(), page.toString());
        assertEquals(List.of("Double Feature", "Frieren - 12", "Good Cop Bad Cop", "Pilot", "The Daily Show 2024-01-15"),
                titles(page));

        JsonNode pilot = find(page, "Pilot");
        assertEquals("tv", pilot.path("mediaType").asText());
        assertEquals(2008, pilot.path("year").asInt());
        assertEquals("h264", pilot.path("codec").asText());
        assertEquals("mkv", pilot.path("container").asText());
        assertEquals(1, pilot.path("duration").asLong());
        JsonNode metadata = pilot.path("metadata");
        assertEquals("Breaking Bad", metadata.path("showTitle").asText(), "from tvshow.nfo");
        assertEquals(1, metadata.path("season").asInt());
        assertEquals(1, metadata.path("episode").asInt());
        assertTrue(metadata.path("season").isIntegralNumber(), metadata.toString());
        assertEquals("Pilot", metadata.path("episodeTitle").asText(), "from the episode NFO");
        assertEquals("2008-01-20", metadata.path("airDate").asText());
        assertEquals("Walter White learns he has cancer.", metadata.path("overview").asText());
        assertTrue(metadata.path("episodeEnd").isMissingNode() || metadata.path("episodeEnd").isNull(), metadata.toString());

        JsonNode multi = find(page, "Double Feature").path("metadata");
        assertEquals(2, multi.path("episode").asInt());
        assertEquals(3, multi.path("episodeEnd").asInt());
        assertEquals("A chemistry teacher turned meth cook.", multi.path("overview").asText(), "the show's plot");
        assertEquals("mp4", find(page, "Double Feature").path("container").asText());

        JsonNode special = find(page, "Good Cop Bad Cop");
        assertEquals(0, special.path("metadata").path("season").asInt());
        assertTrue(special.path("metadata").path("season").isIntegralNumber());
        assertEquals(1, special.path("metadata").path("episode").asInt());
        assertEquals(2008, special.path("year").asInt(), "no air date: the show's year");

        JsonNode anime = find(page, "Frieren - 12").path("metadata");
        assertEquals("Frieren", anime.path("showTitle").asText());
        assertEquals(12, anime.path("absoluteEpisode").asInt());
        assertTrue(anime.path("season").isMissingNode() || anime.path("season").isNull(), anime.toString());
        assertTrue(anime.path("episode").isMissingNode() || anime.path("episode").isNull(), anime.toString());

        JsonNode daily = find(page, "The Daily Show 2024-01-15");
        assertEquals("2024-01-15", daily.path("metadata").path("airDate").asText());
        assertEquals(2024, daily.path("year").asInt());
    }

    @Test
    @Order(4)
    void detailHasTracksAndTheShowPoster() {
        long id = find(api.get("/api/library/files?mediaType=tv", admin).json(), "Pilot").path("id").asLong();
        JsonNode detail = api.get("/api/library/files/" + id, admin).json();

        assertEquals("Pilot", detail.path("title").asText());
        assertTrue(detail.path("path").asText().endsWith("breaking.bad.s01e01.720p.hdtv.x264-grp.mkv"));
        JsonNode video = detail.path("tracks").path("video").get(0);
        assertEquals(320, video.path("width").asInt());
        assertEquals(240, video.path("height").asInt());
        assertEquals("aac", detail.path("tracks").path("audio").get(0).path("codec").asText());
        assertEquals(0, detail.path("lockedFields").size());

        String posterUrl = detail.path("metadata").path("posterUrl").asText();
        assertTrue(posterUrl.startsWith("/artwork/"), "the show folder's poster.jpg: " + detail);
        Api.Response image = api.get(posterUrl, admin);
        assertEquals(200, image.status());
        assertTrue(image.header("Content-Type").startsWith("image/jpeg"), image.header("Content-Type"));

        JsonNode anime = find(api.get("/api/library/files?mediaType=tv", admin).json(), "Frieren - 12");
        assertTrue(anime.path("metadata").path("posterUrl").isMissingNode()
                || anime.path("metadata").path("posterUrl").isNull(), "no image for this show: " + anime);
    }

    @Test
    @Order(5)
    void searchFindsEpisodesByShowTitle() {
        assertEquals(List.of("Double Feature", "Good Cop Bad Cop", "Pilot"),
                titles(api.get("/api/library/files?mediaType=tv&sort=title&search=breaking%20bad", admin).json()));
        assertEquals(List.of("Frieren - 12"), titles(api.get("/api/library/files?search=FRIEREN", admin).json()));
        assertEquals(List.of("Pilot"), titles(api.get("/api/library/files?search=walter%20cancer", admin).json()),
                "the overview is searched");
        assertEquals(0, api.get("/api/library/files?search=breaking%20frieren", admin).json().path("total").asLong());
    }

    @Test
    @Order(6)
    void tvMetadataEditsAreValidatedAgainstTheDeclaredFields() {
        long id = find(api.get("/api/library/files?mediaType=tv", admin).json(), "Frieren - 12").path("id").asLong();

        Api.Response edited = api.put("/api/library/files/" + id + "/metadata", admin,
                "{\"season\": 1, \"episode\": 12, \"episodeTitle\": \"The Hero's Statue\", \"airDate\": \"2023-11-24\"}");
        assertEquals(200, edited.status(), edited.raw().body());
        assertEquals(1, edited.json().path("metadata").path("season").asInt());
        assertEquals("2023-11-24", edited.json().path("metadata").path("airDate").asText());
        assertEquals(12, edited.json().path("metadata").path("absoluteEpisode").asInt(), "untouched fields stay");

        api.put("/api/library/files/" + id + "/metadata", admin, "{\"season\": \"one\"}").assertProblem(400);
        api.put("/api/library/files/" + id + "/metadata", admin, "{\"genres\": [\"Anime\"]}").assertProblem(400);
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static JsonNode find(JsonNode page, String title) {
        for (JsonNode item : page.path("items")) {
            if (item.path("title").asText().equals(title)) {
                return item;
            }
        }
        throw new AssertionError(title + " not in " + page);
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.path("items").forEach(item -> titles.add(item.path("title").asText()));
        return titles;
    }
}
