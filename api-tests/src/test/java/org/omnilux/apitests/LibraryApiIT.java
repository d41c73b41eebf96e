package org.omnilux.apitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
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
 * The Library API of the contract, end to end: the launched server, real HTTP, a real Derby database, the real
 * movie scanner probing real (generated) media with ffprobe.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LibraryApiIT {

    private OmniLuxServer server;
    private Api api;
    private String admin;
    private Path movies;
    private long moviesRootId;

    @BeforeAll
    void startServer() throws Exception {
        server = OmniLuxServer.create("library-api", true);
        movies = server.home.resolve("media/movies");
        TestFiles.video(movies.resolve("Inception (2010)/Inception (2010).mkv"), 1920, 1080);
        TestFiles.image(movies.resolve("Inception (2010)/poster.jpg"));
        TestFiles.video(movies.resolve("Amélie (2001)/Amélie (2001).mp4"), 1280, 720);
        TestFiles.video(movies.resolve("The.Matrix.1999.1080p.BluRay.x264-GROUP.mkv"), 640, 480);
        Files.createDirectories(movies.resolve("Broken (2020)"));
        Files.write(movies.resolve("Broken (2020)/Broken (2020).mkv"), "this is not a video".repeat(100).getBytes());
        Files.createDirectories(server.home.resolve("media/other"));
        server.start();
        api = new Api(server);
        admin = api.loginAdmin();
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            int exit = server.stop();
            assertTrue(exit == 0 || exit == 143, "clean exit on SIGTERM, got " + exit);
            assertTrue(server.logText().contains("OmniLux stopped"), "the log records a clean stop");
        }
    }

    @Test
    @Order(1)
    void healthNeedsNoToken() {
        Api.Response health = api.get("/api/health", null);
        assertEquals(200, health.status());
        assertEquals("UP", health.json().path("status").asText());
    }

    @Test
    @Order(2)
    void loginAndBearerTokenRules() {
        api.post("/api/auth/login", null, Api.json("username", "admin", "password", "wrong")).assertProblem(401);
        api.post("/api/auth/login", null, Api.json("username", "nobody", "password", "whatever1")).assertProblem(401);

        Api.Response login = api.post("/api/auth/login", null,
                Api.json("username", "admin", "password", OmniLuxServer.ADMIN_PASSWORD));
        assertEquals(200, login.status());
        assertEquals("admin", login.json().path("role").asText());
        assertTrue(login.json().path("token").asText().length() >= 22, "a token of at least 128 bits");
        assertTrue(login.json().hasNonNull("expiresAt"));

        Api.Response missing = api.get("/api/library/roots", null);
        missing.assertProblem(401);
        assertTrue(missing.header("WWW-Authenticate").startsWith("Bearer"));
        Api.Response malformed = api.send(api.builder("/api/library/roots", null).header("Authorization", "Basic YTpi").GET());
        malformed.assertProblem(401);
        assertNotNull(malformed.header("WWW-Authenticate"));
        api.get("/api/library/roots", "not-a-real-token").assertProblem(401);

        String token = login.json().path("token").asText();
        assertEquals(200, api.get("/api/library/roots", token).status());
        assertEquals(204, api.post("/api/auth/logout", token, "").status());
        api.get("/api/library/roots", token).assertProblem(401);
    }

    @Test
    @Order(3)
    void usersAndRoles() {
        Api.Response created = api.post("/api/users", admin, Api.json("username", "viewer", "password", "viewer-pass-1", "role", "user"));
        assertEquals(201, created.status(), created.raw().body());
        assertEquals("viewer", created.json().path("username").asText());
        assertEquals("user", created.json().path("role").asText());
        assertFalse(created.raw().body().toLowerCase().contains("pass"), "never a password or hash: " + created.raw().body());
        long viewerId = created.json().path("id").asLong();

        api.post("/api/users", admin, Api.json("username", "viewer", "password", "another-pass-1", "role", "user")).assertProblem(409);
        api.post("/api/users", admin, Api.json("username", "x", "password", "long-enough-1", "role", "root")).assertProblem(400);
        api.post("/api/users", admin, Api.json("username", "shorty", "password", "abc", "role", "user")).assertProblem(400);

        String viewer = api.login("viewer", "viewer-pass-1");
        api.get("/api/users", viewer).assertProblem(403);
        api.post("/api/library/roots", viewer, Api.json("path", movies.toString(), "name", "M", "mediaType", "movie")).assertProblem(403);
        api.post("/api/library/scan", viewer, "{}").assertProblem(403);
        assertEquals(200, api.get("/api/library/roots", viewer).status(), "reads need any valid token");
        assertEquals(200, api.get("/api/plugins", viewer).status());

        Api.Response users = api.get("/api/users", admin);
        assertEquals(200, users.status());
        assertTrue(users.raw().body().contains("\"viewer\""));
        assertFalse(users.raw().body().contains("hash"));

        api.delete("/api/users/999999", admin).assertProblem(404);
        assertEquals(204, api.delete("/api/users/" + viewerId, admin).status());
        api.get("/api/library/roots", viewer).assertProblem(401);
    }

    @Test
    @Order(4)
    void rootValidationAndConflicts() throws Exception {
        String detail = api.post("/api/library/roots", admin, Api.json("path", "relative/path", "name", "R", "mediaType", "movie")).assertProblem(400);
        assertTrue(detail.contains("path"), detail);
        api.post("/api/library/roots", admin, Api.json("path", "/does/not/exist", "name", "R", "mediaType", "movie")).assertProblem(400);
        api.post("/api/library/roots", admin, Api.json("path", movies.resolve("Broken (2020)/Broken (2020).mkv").toString(), "name", "R", "mediaType", "movie")).assertProblem(400);
        detail = api.post("/api/library/roots", admin, Api.json("path", movies.toString(), "name", "R", "mediaType", "xyz")).assertProblem(400);
        assertTrue(detail.contains("movie"), "lists the installed types: " + detail);
        api.post("/api/library/roots", admin, "{\"path\": 5, \"name\": \"R\", \"mediaType\": \"movie\"}").assertProblem(400);
        api.post("/api/library/roots", admin, "{\"path\": ").assertProblem(400);
        api.post("/api/library/roots", admin, "[1,2]").assertProblem(400);

        Api.Response created = api.post("/api/library/roots", admin, Api.json("path", movies.toString(), "name", "Movies", "mediaType", "movie"));
        assertEquals(201, created.status(), created.raw().body());
        moviesRootId = created.json().path("id").asLong();
        assertTrue(created.header("Location").endsWith("/api/library/roots/" + moviesRootId), created.header("Location"));
        assertEquals(movies.toString(), created.json().path("path").asText());
        assertEquals("movie", created.json().path("mediaType").asText());
        assertEquals(0, created.json().path("fileCount").asLong());

        api.post("/api/library/roots", admin, Api.json("path", movies.toString(), "name", "Again", "mediaType", "movie")).assertProblem(409);
        api.post("/api/library/roots", admin, Api.json("path", movies.resolve("Inception (2010)").toString(), "name", "Inside", "mediaType", "movie")).assertProblem(409);
        api.post("/api/library/roots", admin, Api.json("path", server.home.resolve("media").toString(), "name", "Outside", "mediaType", "movie")).assertProblem(409);

        Api.Response other = api.post("/api/library/roots", admin, Api.json("path", server.home.resolve("media/other").toString(), "name", "Other", "mediaType", "movie"));
        assertEquals(201, other.status());
        api.delete("/api/library/roots/999999", admin).assertProblem(404);
        assertEquals(204, api.delete("/api/library/roots/" + other.json().path("id").asLong(), admin).status());
        assertTrue(Files.isDirectory(server.home.resolve("media/other")), "removing a root never touches the disk");

        JsonNode roots = api.get("/api/library/roots", admin).json();
        assertEquals(1, roots.size());
        assertEquals("Movies", roots.get(0).path("name").asText());
    }

    @Test
    @Order(5)
    void scanRecordsEveryFileAndCountsTheBrokenOne() throws Exception {
        api.post("/api/library/scan", admin, Api.json("rootId", 999999)).assertProblem(404);
        String detail = api.post("/api/library/scan", admin, "{\"rootId\": \"abc\"}").assertProblem(400);
        assertTrue(detail.contains("rootId"), detail);

        Api.Response started = api.post("/api/library/scan", admin, Api.json("rootId", moviesRootId));
        assertEquals(202, started.status(), started.raw().body());
        assertEquals("started", started.json().path("status").asText());
        long jobId = started.json().path("jobId").asLong();
        assertTrue(started.header("Location").endsWith("/api/library/scan/" + jobId));

        JsonNode job = api.awaitJob(jobId, admin);
        assertEquals("completed", job.path("status").asText(), job.toString());
        assertEquals(3, job.path("filesAdded").asLong(), job.toString());
        assertEquals(1, job.path("filesFailed").asLong(), job.toString());
        assertEquals(0, job.path("filesRemoved").asLong(), job.toString());
        assertTrue(job.path("filesSeen").asLong() >= 4, job.toString());
        assertTrue(job.path("errors").get(0).path("path").asText().endsWith("Broken (2020).mkv"), job.toString());
        assertFalse(job.path("errors").get(0).path("message").asText().isBlank());
        assertEquals(moviesRootId, job.path("rootIds").get(0).asLong());
        assertTrue(job.hasNonNull("startedAt") && job.hasNonNull("finishedAt"));

        JsonNode jobs = api.get("/api/library/scan", admin).json();
        assertTrue(jobs.isArray() && jobs.size() >= 1);
        api.get("/api/library/scan/999999", admin).assertProblem(404);
        api.delete("/api/library/scan/" + jobId, admin).assertProblem(409);

        JsonNode root = api.get("/api/library/roots", admin).json().get(0);
        assertEquals(3, root.path("fileCount").asLong());
        assertTrue(root.path("totalSizeBytes").asLong() > 0);
        assertTrue(root.hasNonNull("lastScanAt"));
    }

    @Test
    @Order(6)
    void filesListFiltersSortsPagesAndSearches() {
        JsonNode page = api.get("/api/library/files", admin).json();
        assertEquals(3, page.path("total").asLong());
        assertEquals(50, page.path("limit").asInt());
        assertEquals(0, page.path("offset").asLong());
        assertEquals(List.of("Amélie", "Inception", "The Matrix"), titles(page));

        JsonNode inception = find(page, "Inception");
        assertEquals(2010, inception.path("year").asInt());
        assertEquals("movie", inception.path("mediaType").asText());
        assertEquals(moviesRootId, inception.path("rootId").asLong());
        assertEquals("h264", inception.path("codec").asText());
        assertEquals("1080p", inception.path("resolution").asText());
        assertEquals("mkv", inception.path("container").asText());
        assertFalse(inception.path("hdr").asBoolean());
        assertEquals(1, inception.path("duration").asLong());
        assertTrue(inception.path("sizeBytes").asLong() > 0);
        assertTrue(inception.hasNonNull("addedAt"));
        assertEquals("720p", find(page, "Amélie").path("resolution").asText());
        assertEquals("mp4", find(page, "Amélie").path("container").asText());
        assertEquals(1999, find(page, "The Matrix").path("year").asInt());

        assertEquals(List.of("The Matrix", "Inception", "Amélie"), titles(api.get("/api/library/files?sort=title&order=desc", admin).json()));
        assertEquals(List.of("The Matrix", "Amélie", "Inception"), titles(api.get("/api/library/files?sort=year", admin).json()));
        JsonNode second = api.get("/api/library/files?limit=1&offset=1", admin).json();
        assertEquals(List.of("Inception"), titles(second));
        assertEquals(3, second.path("total").asLong());
        assertEquals(1, second.path("limit").asInt());
        assertEquals(List.of("Amélie"), titles(api.get("/api/library/files?search=AMELIE", admin).json()), "accent- and case-insensitive");
        assertEquals(List.of("The Matrix"), titles(api.get("/api/library/files?search=matrix%20the", admin).json()), "every word");
        assertEquals(List.of(), titles(api.get("/api/library/files?search=matrix%20inception", admin).json()));
        assertEquals(3, api.get("/api/library/files?mediaType=movie&rootId=" + moviesRootId, admin).json().path("total").asLong());

        for (String bad : List.of("sort=foo", "order=up", "limit=-1", "limit=abc", "limit=501", "limit=0", "offset=-1",
                "mediaType=xyz", "rootId=abc", "rootId=999999")) {
            String parameter = bad.substring(0, bad.indexOf('='));
            String detail = api.get("/api/library/files?" + bad, admin).assertProblem(400);
            assertTrue(detail.contains(parameter), bad + " -> " + detail);
        }
    }

    @Test
    @Order(7)
    void fileDetailHasTracksAndPoster() {
        JsonNode inception = find(api.get("/api/library/files", admin).json(), "Inception");
        JsonNode detail = api.get("/api/library/files/" + inception.path("id").asLong(), admin).json();
        assertEquals("Inception", detail.path("title").asText());
        JsonNode video = detail.path("tracks").path("video").get(0);
        assertEquals("h264", video.path("codec").asText());
        assertEquals(1920, video.path("width").asInt());
        assertEquals(1080, video.path("height").asInt());
        JsonNode audio = detail.path("tracks").path("audio").get(0);
        assertEquals("aac", audio.path("codec").asText());
        assertEquals("eng", audio.path("language").asText());
        assertTrue(detail.path("tracks").path("subtitle").isArray());
        assertTrue(detail.path("externalSubtitles").isArray());
        assertEquals(0, detail.path("lockedFields").size());

        String posterUrl = detail.path("metadata").path("posterUrl").asText();
        assertTrue(posterUrl.startsWith("/artwork/"), "poster from poster.jpg: " + detail);
        api.get(posterUrl, null).assertProblem(401);
        Api.Response image = api.get(posterUrl + "?access_token=" + admin, null);
        assertEquals(200, image.status());
        assertTrue(image.header("Content-Type").startsWith("image/jpeg"), image.header("Content-Type"));
        assertEquals(200, api.get(posterUrl, admin).status());
        api.get("/artwork/..%2F..%2Fdata%2Finitial-admin-password", admin).assertProblem(404);
        api.get("/artwork/0000000000000000000000000000000000000000000000000000000000000000.jpg", admin).assertProblem(404);

        api.get("/api/library/files/999999", admin).assertProblem(404);
        api.get("/api/library/files/abc", admin).assertProblem(404);
    }

    @Test
    @Order(8)
    void metadataEditsAreLockedAndSurviveRescans() throws Exception {
        long id = find(api.get("/api/library/files", admin).json(), "The Matrix").path("id").asLong();
        Api.Response edited = api.put("/api/library/files/" + id + "/metadata", admin,
                "{\"title\": \"The Matrix (Director's Edit)\", \"overview\": \"Neo wakes up.\", \"genres\": [\"Action\", \"Sci-Fi\"], \"year\": null}");
        assertEquals(200, edited.status(), edited.raw().body());
        assertEquals("The Matrix (Director's Edit)", edited.json().path("title").asText());
        assertTrue(edited.json().path("year").isNull() || edited.json().path("year").isMissingNode());
        assertEquals("Neo wakes up.", edited.json().path("metadata").path("overview").asText());
        assertEquals(List.of("genres", "overview", "title", "year"), sorted(edited.json().path("lockedFields")));

        api.put("/api/library/files/" + id + "/metadata", admin, "{\"noSuchField\": 1}").assertProblem(400);
        api.put("/api/library/files/" + id + "/metadata", admin, "{\"year\": \"nineteen\"}").assertProblem(400);
        api.put("/api/library/files/" + id + "/metadata", admin, "{\"title\": ").assertProblem(400);
        api.put("/api/library/files/999999/metadata", admin, "{\"title\": \"x\"}").assertProblem(404);

        // touch the file so the rescan really re-reads it: the edit must still win
        Path matrix = movies.resolve("The.Matrix.1999.1080p.BluRay.x264-GROUP.mkv");
        Files.setLastModifiedTime(matrix, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        JsonNode job = api.awaitJob(api.post("/api/library/scan", admin, "{}").json().path("jobId").asLong(), admin);
        assertEquals("completed", job.path("status").asText(), job.toString());
        assertEquals(1, job.path("filesUpdated").asLong(), job.toString());
        assertEquals(0, job.path("filesAdded").asLong(), job.toString());

        JsonNode after = api.get("/api/library/files/" + id, admin).json();
        assertEquals("The Matrix (Director's Edit)", after.path("title").asText());
        assertTrue(after.path("year").isNull() || after.path("year").isMissingNode(), "a cleared field stays cleared");
        assertEquals(List.of("Action", "Sci-Fi"), texts(after.path("metadata").path("genres")));
        assertEquals(1, api.get("/api/library/files?search=neo%20wakes", admin).json().path("total").asLong(), "search sees edits");

        assertEquals(204, api.delete("/api/library/files/" + id + "/metadata/locks/title", admin).status());
        api.delete("/api/library/files/" + id + "/metadata/locks/title", admin).assertProblem(404);
        Files.setLastModifiedTime(matrix, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 10000));
        api.awaitJob(api.post("/api/library/scan", admin, Api.json("rootId", moviesRootId)).json().path("jobId").asLong(), admin);
        JsonNode unlocked = api.get("/api/library/files/" + id, admin).json();
        assertEquals("The Matrix", unlocked.path("title").asText(), "an unlocked field follows the file again");
        assertEquals(List.of("genres", "overview", "year"), sorted(unlocked.path("lockedFields")));
    }

    @Test
    @Order(9)
    void statsAndPlugins() {
        JsonNode stats = api.get("/api/library/stats", admin).json();
        assertEquals(3, stats.path("totalFiles").asLong());
        long total = 0;
        for (JsonNode item : api.get("/api/library/files", admin).json().path("items")) {
            total += item.path("sizeBytes").asLong();
        }
        assertEquals(total, stats.path("totalSizeBytes").asLong());
        assertEquals(3, stats.path("byMediaType").path("movie").path("count").asLong());
        assertEquals(total, stats.path("byMediaType").path("movie").path("sizeBytes").asLong());
        assertEquals(3, stats.path("byCodec").path("h264").asLong());
        assertEquals(1, stats.path("byResolution").path("1080p").asLong());
        assertEquals(1, stats.path("byResolution").path("720p").asLong());

        JsonNode plugins = api.get("/api/plugins", admin).json();
        JsonNode movie = null;
        for (JsonNode plugin : plugins) {
            if (plugin.path("mediaTypes").toString().contains("\"movie\"")) {
                movie = plugin;
            }
        }
        assertNotNull(movie, plugins.toString());
        assertEquals("org.omnilux.scanner.movie", movie.path("id").asText());
        assertEquals("active", movie.path("state").asText());
        assertFalse(movie.path("version").asText().isBlank());
    }

    @Test
    @Order(10)
    void vanishedFilesLeaveAndRootRemovalForgetsFiles() throws Exception {
        Files.delete(movies.resolve("Amélie (2001)/Amélie (2001).mp4"));
        JsonNode job = api.awaitJob(api.post("/api/library/scan", admin, Api.json("rootId", moviesRootId)).json().path("jobId").asLong(), admin);
        assertEquals(1, job.path("filesRemoved").asLong(), job.toString());
        assertEquals(List.of("Inception", "The Matrix"), titles(api.get("/api/library/files", admin).json()));

        assertEquals(204, api.delete("/api/library/roots/" + moviesRootId, admin).status());
        assertEquals(0, api.get("/api/library/files", admin).json().path("total").asLong());
        assertTrue(Files.exists(movies.resolve("Inception (2010)/Inception (2010).mkv")), "never touches the disk");
    }

    @Test
    @Order(11)
    void everyErrorIsProblemJson() {
        api.get("/api/no/such/thing", admin).assertProblem(404);
        api.get("/nothing-here", null).assertProblem(404);
        api.send(api.builder("/api/library/stats", admin).method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))).assertProblem(405);
        api.send(api.builder("/api/library/roots", admin).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello"))).assertProblem(415);
        api.send(api.builder("/api/auth/login", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{not json"))).assertProblem(400);
        api.post("/api/auth/login", null, "{\"username\": [], \"password\": 1}").assertProblem(400);
        assertTrue(server.isAlive());
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

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.isTextual() ? node.asText() : node.toString()));
        return values;
    }

    private static List<String> sorted(JsonNode array) {
        List<String> values = texts(array);
        values.sort(null);
        return values;
    }
}
