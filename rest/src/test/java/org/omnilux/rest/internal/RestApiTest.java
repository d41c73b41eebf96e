package org.omnilux.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnilux.rest.internal.HttpHarness.Reply;

import com.fasterxml.jackson.databind.JsonNode;

/** The HTTP API against the real Jersey server with fake core services. */
class RestApiTest {

    private static final String ADMIN = Fakes.ADMIN_TOKEN;
    private static final String USER = Fakes.USER_TOKEN;

    @TempDir
    static Path artworkDir;

    static Fakes.Auth auth;
    static Fakes.Library library;
    static Fakes.Scans scans;
    static Fakes.Health health;
    static HttpHarness api;

    @BeforeAll
    static void startApi() throws Exception {
        auth = new Fakes.Auth();
        library = new Fakes.Library();
        scans = new Fakes.Scans();
        health = new Fakes.Health();
        Files.write(artworkDir.resolve("poster-603.png"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0 });
        Files.write(artworkDir.resolve("cover"), new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 1 });
        api = new HttpHarness(RestApplication.create(library, scans, new Fakes.Plugins(),
                new Fakes.Artwork(artworkDir), auth, health));
    }

    @AfterEach
    void ready() {
        health.ready = true;
        library.unavailable = false;
    }

    /** Every error answer: problem JSON with the four members, the right status, a detail. */
    static JsonNode assertProblem(Reply reply, int status) {
        assertEquals(status, reply.status(), reply::toString);
        assertNotNull(reply.contentType(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
        JsonNode json = reply.json();
        assertEquals("about:blank", json.path("type").asText(), reply::toString);
        assertEquals(status, json.path("status").asInt(), reply::toString);
        assertFalse(json.path("title").asText().isBlank(), reply::toString);
        assertFalse(json.path("detail").asText().isBlank(), reply::toString);
        assertFalse(reply.body().contains("Exception"), reply::toString);
        assertFalse(reply.body().contains("at org."), reply::toString);
        return json;
    }

    static void assertDetailNames(Reply reply, String parameter) {
        JsonNode json = assertProblem(reply, 400);
        assertTrue(json.path("detail").asText().contains(parameter), reply::toString);
    }

    // --- health -----------------------------------------------------------------------------------------

    @Test
    void healthIsPublicAndUp() {
        Reply reply = api.get("/api/health", null);
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/json"));
        assertEquals("UP", reply.json().path("status").asText());
    }

    @Test
    void healthWhileStartingIs503Starting() {
        health.ready = false;
        Reply reply = api.request("GET", "/api/health").header("Accept", "text/html").send();
        assertEquals(503, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/problem+json"));
        assertEquals("STARTING", reply.json().path("status").asText());
        assertEquals("Opening the database", reply.json().path("detail").asText());
    }

    // --- Jersey's own errors as problem JSON ---------------------------------------------------------------

    @Test
    void unknownPathsAre404Problems() {
        assertProblem(api.get("/api/nothing-here", ADMIN), 404);
        assertProblem(api.get("/api/nothing-here", null), 404);
        assertProblem(api.get("/", null), 404);
        assertProblem(api.get("/index.html", null), 404);
        assertProblem(api.get("/artwork/a/b", ADMIN), 404);
    }

    @Test
    void wrongMethodIs405WithAllow() {
        Reply reply = api.request("PUT", "/api/library/roots").token(ADMIN).json("{}").send();
        assertProblem(reply, 405);
        String allow = reply.header("Allow");
        assertNotNull(allow, reply::toString);
        assertTrue(allow.contains("GET") && allow.contains("POST"), allow);
    }

    @Test
    void wrongContentTypeIs415() {
        Reply reply = api.request("POST", "/api/library/roots").token(ADMIN).header("Content-Type", "text/plain")
                .body("path=/x").send();
        assertProblem(reply, 415);
        Reply scan = api.request("POST", "/api/library/scan").token(ADMIN)
                .header("Content-Type", "application/x-www-form-urlencoded").body("rootId=1").send();
        assertProblem(scan, 415);
    }

    @Test
    void unacceptableAcceptIs406() {
        Reply reply = api.request("GET", "/api/library/roots").token(ADMIN).header("Accept", "text/html").send();
        assertProblem(reply, 406);
    }

    // --- JSON bodies ---------------------------------------------------------------------------------------

    @Test
    void malformedJsonIs400() {
        Reply reply = api.request("POST", "/api/library/roots").token(ADMIN).json("{\"path\": ").send();
        JsonNode json = assertProblem(reply, 400);
        assertTrue(json.path("detail").asText().startsWith("Malformed JSON"), reply::toString);
        assertProblem(api.request("POST", "/api/library/roots").token(ADMIN).json("{\"path\":\"/a\"} x").send(), 400);
        assertProblem(api.request("POST", "/api/auth/login").json("{\"username\":\"a\",\"username\":\"b\"}").send(),
                400);
        assertProblem(api.request("POST", "/api/library/scan").token(ADMIN).json("{rootId:1}").send(), 400);
    }

    @Test
    void wrongJsonTypesAre400NamingTheField() {
        Reply reply = api.request("POST", "/api/library/roots").token(ADMIN)
                .json("{\"path\": 5, \"name\": \"x\", \"mediaType\": \"movie\"}").send();
        assertDetailNames(reply, "path must be a string");
        assertEquals("path", reply.json().path("parameter").asText());
        assertDetailNames(api.request("POST", "/api/library/roots").token(ADMIN)
                .json("{\"path\": \"/m\", \"mediaType\": [\"movie\"]}").send(), "mediaType");
        assertDetailNames(api.request("POST", "/api/library/roots").token(ADMIN).json("{\"mediaType\": \"movie\"}")
                .send(), "path");
        assertDetailNames(api.request("POST", "/api/library/roots").token(ADMIN).json("[1, 2]").send(), "JSON object");
        assertDetailNames(api.request("POST", "/api/library/roots").token(ADMIN).json("\"x\"").send(), "JSON object");
        assertDetailNames(api.request("POST", "/api/library/roots").token(ADMIN)
                .json("{\"path\":\"/m\",\"mediaType\":\"movie\",\"colour\":\"red\"}").send(), "colour");
        assertProblem(api.request("POST", "/api/library/roots").token(ADMIN).json("").send(), 400);
        assertDetailNames(api.request("POST", "/api/users").token(ADMIN)
                .json("{\"username\":\"bob\",\"password\":\"long-enough\",\"role\":\"root\"}").send(), "role");
        assertDetailNames(api.request("POST", "/api/users").token(ADMIN)
                .json("{\"username\":\"bob\",\"password\":\"long-enough\",\"role\":1}").send(), "role");
        assertDetailNames(api.request("POST", "/api/auth/login").json("{\"username\":\"admin\"}").send(), "password");
    }

    // --- authentication and roles --------------------------------------------------------------------------

    @Test
    void missingOrBadTokensAre401WithChallenge() {
        Reply none = api.get("/api/library/roots", null);
        assertProblem(none, 401);
        assertEquals("Bearer", none.header("WWW-Authenticate"));

        Reply unknown = api.get("/api/library/roots", "no-such-token");
        assertProblem(unknown, 401);
        assertEquals("Bearer error=\"invalid_token\"", unknown.header("WWW-Authenticate"));

        Reply basic = api.request("GET", "/api/library/roots").header("Authorization", "Basic YWRtaW46c2VjcmV0")
                .send();
        assertProblem(basic, 401);
        assertTrue(basic.header("WWW-Authenticate").startsWith("Bearer"));

        Reply empty = api.request("GET", "/api/library/roots").header("Authorization", "Bearer ").send();
        assertProblem(empty, 401);
        assertTrue(empty.header("WWW-Authenticate").startsWith("Bearer"));

        // tokens in the query string are for artwork only
        assertProblem(api.get("/api/library/roots?access_token=" + ADMIN, null), 401);
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        Reply reply = api.request("GET", "/api/library/roots").header("Authorization", "bearer " + USER).send();
        assertEquals(200, reply.status(), reply::toString);
    }

    @Test
    void userTokenOnAdminEndpointIs403() {
        assertProblem(api.request("POST", "/api/library/roots").token(USER)
                .json("{\"path\":\"/m\",\"name\":\"m\",\"mediaType\":\"movie\"}").send(), 403);
        assertProblem(api.request("POST", "/api/library/scan").token(USER).send(), 403);
        assertProblem(api.get("/api/users", USER), 403);
        assertProblem(api.request("DELETE", "/api/library/roots/1").token(USER).send(), 403);
        assertProblem(api.request("PUT", "/api/library/files/7/metadata").token(USER).json("{}").send(), 403);
        assertProblem(api.request("DELETE", "/api/library/scan/1").token(USER).send(), 403);
    }

    @Test
    void loginAnswersTokenRoleAndExpiry() {
        Reply reply = api.request("POST", "/api/auth/login").json("{\"username\":\"admin\",\"password\":\"secret\"}")
                .send();
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(ADMIN, reply.json().path("token").asText());
        assertEquals("admin", reply.json().path("role").asText());
        assertEquals("2024-05-01T11:15:30Z", reply.json().path("expiresAt").asText());
        assertEquals("no-store", reply.header("Cache-Control"));

        Reply bad = api.request("POST", "/api/auth/login").json("{\"username\":\"admin\",\"password\":\"nope\"}")
                .send();
        assertProblem(bad, 401);
        assertTrue(bad.header("WWW-Authenticate").startsWith("Bearer"));
    }

    @Test
    void logoutRevokesTheCallersToken() {
        assertEquals(200, api.get("/api/plugins", Fakes.SPARE_TOKEN).status());
        Reply reply = api.request("POST", "/api/auth/logout").token(Fakes.SPARE_TOKEN).send();
        assertEquals(204, reply.status(), reply::toString);
        assertTrue(auth.revoked.contains(Fakes.SPARE_TOKEN));
        Reply after = api.get("/api/plugins", Fakes.SPARE_TOKEN);
        assertProblem(after, 401);
        assertEquals("Bearer error=\"invalid_token\"", after.header("WWW-Authenticate"));
        assertProblem(api.request("POST", "/api/auth/logout").send(), 401);
    }

    @Test
    void usersAreCreatedListedAndDeleted() {
        Reply created = api.request("POST", "/api/users").token(ADMIN)
                .json("{\"username\":\"carol\",\"password\":\"long-enough\",\"role\":\"user\"}").send();
        assertEquals(201, created.status(), created::toString);
        long id = created.json().path("id").asLong();
        assertEquals("/api/users/" + id, created.header("Location"));
        assertEquals("user", created.json().path("role").asText());
        assertFalse(created.body().contains("password"), created::toString);

        Reply list = api.get("/api/users", ADMIN);
        assertEquals(200, list.status());
        assertTrue(list.json().isArray());
        assertEquals("admin", list.json().get(0).path("role").asText());
        assertEquals(200, api.get("/api/users/" + id, ADMIN).status());

        assertProblem(api.request("POST", "/api/users").token(ADMIN)
                .json("{\"username\":\"carol\",\"password\":\"long-enough\"}").send(), 409);
        assertEquals(204, api.request("DELETE", "/api/users/" + id).token(ADMIN).send().status());
        assertProblem(api.request("DELETE", "/api/users/" + id).token(ADMIN).send(), 404);
        assertProblem(api.request("DELETE", "/api/users/abc").token(ADMIN).send(), 404);
    }

    // --- roots ---------------------------------------------------------------------------------------------

    @Test
    void rootsAreCreatedWith201AndLocation() {
        Reply created = api.request("POST", "/api/library/roots").token(ADMIN)
                .json("{\"path\":\"/media/movies\",\"name\":\"Movies\",\"mediaType\":\"movie\"}").send();
        assertEquals(201, created.status(), created::toString);
        JsonNode root = created.json();
        long id = root.path("id").asLong();
        assertEquals("/api/library/roots/" + id, created.header("Location"));
        assertEquals("/media/movies", root.path("path").asText());
        assertTrue(root.has("lastScanAt") && root.path("lastScanAt").isNull(), created::toString);
        for (String field : List.of("id", "path", "name", "mediaType", "fileCount", "totalSizeBytes", "lastScanAt")) {
            assertTrue(root.has(field), field);
        }

        assertEquals(200, api.get(created.header("Location"), USER).status());
        assertTrue(api.get("/api/library/roots", USER).json().isArray());
        assertProblem(api.request("POST", "/api/library/roots").token(ADMIN)
                .json("{\"path\":\"/media/movies\",\"name\":\"Again\",\"mediaType\":\"movie\"}").send(), 409);
        assertDetailNames(api.request("POST", "/api/library/roots").token(ADMIN)
                .json("{\"path\":\"/media/books\",\"name\":\"Books\",\"mediaType\":\"book\"}").send(), "mediaType");

        assertEquals(204, api.request("DELETE", "/api/library/roots/" + id).token(ADMIN).send().status());
        assertProblem(api.request("DELETE", "/api/library/roots/" + id).token(ADMIN).send(), 404);
        assertProblem(api.request("DELETE", "/api/library/roots/abc").token(ADMIN).send(), 404);
        assertProblem(api.get("/api/library/roots/abc", USER), 404);
    }

    @Test
    void rootNameDefaultsToTheFolderName() {
        Reply created = api.request("POST", "/api/library/roots").token(ADMIN)
                .json("{\"path\":\"/media/tv\",\"mediaType\":\"tv\"}").send();
        assertEquals(201, created.status(), created::toString);
        assertEquals("tv", created.json().path("name").asText());
    }

    // --- files ---------------------------------------------------------------------------------------------

    @Test
    void fileListingHasThePageAndAllItemFields() {
        Reply reply = api.get("/api/library/files?sort=year&order=desc&limit=10&offset=20&search=matrix%20neo", USER);
        assertEquals(200, reply.status(), reply::toString);
        JsonNode page = reply.json();
        assertEquals(1, page.path("total").asLong());
        assertEquals(10, page.path("limit").asInt());
        assertEquals(20, page.path("offset").asLong());
        JsonNode item = page.path("items").get(0);
        for (String field : List.of("id", "path", "title", "year", "mediaType", "rootId", "sizeBytes", "duration",
                "codec", "resolution", "hdr", "container", "addedAt", "metadata")) {
            assertTrue(item.has(field), field);
        }
        assertEquals("2024-05-01T10:15:30Z", item.path("addedAt").asText());
        assertEquals(603, item.path("metadata").path("tmdbId").asInt());
        assertEquals("matrix neo", library.lastQuery.search());
        assertTrue(library.lastQuery.descending());
    }

    @Test
    void badQueryValuesAre400NamingTheParameter() {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] { "sort=foo", "sort" });
        cases.add(new String[] { "order=up", "order" });
        cases.add(new String[] { "limit=-1", "limit" });
        cases.add(new String[] { "limit=abc", "limit" });
        cases.add(new String[] { "limit=501", "limit" });
        cases.add(new String[] { "limit=0", "limit" });
        cases.add(new String[] { "offset=-1", "offset" });
        cases.add(new String[] { "rootId=abc", "rootId" });
        cases.add(new String[] { "mediaType=xyz", "mediaType" });
        cases.add(new String[] { "mediaType=%3Cb%3E", "mediaType" });
        for (String[] c : cases) {
            assertDetailNames(api.get("/api/library/files?" + c[0], USER), c[1]);
        }
    }

    @Test
    void fileDetailIsTheItemPlusTracksSubtitlesAndLocks() {
        Reply reply = api.get("/api/library/files/7", USER);
        assertEquals(200, reply.status(), reply::toString);
        JsonNode file = reply.json();
        assertEquals("The Matrix", file.path("title").asText());
        assertEquals("h265", file.path("tracks").path("video").get(0).path("codec").asText());
        assertTrue(file.path("tracks").path("audio").isArray());
        assertTrue(file.path("tracks").path("subtitle").isArray());
        assertTrue(file.path("externalSubtitles").isArray());
        assertTrue(file.path("lockedFields").isArray());
        assertFalse(file.has("file"));

        assertProblem(api.get("/api/library/files/8", USER), 404);
        assertProblem(api.get("/api/library/files/abc", USER), 404);
    }

    @Test
    void metadataIsEditedAndUnlocked() {
        Reply reply = api.request("PUT", "/api/library/files/7/metadata").token(ADMIN)
                .json("{\"title\":\"The Matrix (Remastered)\",\"overview\":null,\"genres\":[\"Sci-Fi\"]}").send();
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(library.lastChanges.containsKey("overview"));
        assertNull(library.lastChanges.get("overview"));
        assertEquals(List.of("Sci-Fi"), library.lastChanges.get("genres"));
        assertTrue(reply.json().path("lockedFields").toString().contains("title"));

        assertDetailNames(api.request("PUT", "/api/library/files/7/metadata").token(ADMIN).json("{\"title\":5}")
                .send(), "title");
        assertDetailNames(api.request("PUT", "/api/library/files/7/metadata").token(ADMIN).json("{\"year\":\"1999\"}")
                .send(), "year");
        assertDetailNames(api.request("PUT", "/api/library/files/7/metadata").token(ADMIN).json("[]").send(),
                "JSON object");
        assertProblem(api.request("PUT", "/api/library/files/abc/metadata").token(ADMIN).json("{}").send(), 404);

        assertEquals(204, api.request("DELETE", "/api/library/files/7/metadata/locks/title").token(ADMIN).send()
                .status());
        assertProblem(api.request("DELETE", "/api/library/files/7/metadata/locks/title").token(ADMIN).send(), 404);
    }

    // --- scans ---------------------------------------------------------------------------------------------

    @Test
    void scanStartsWith202AndLocation() {
        Reply all = api.request("POST", "/api/library/scan").token(ADMIN).send();
        assertEquals(202, all.status(), all::toString);
        long jobId = all.json().path("jobId").asLong();
        assertEquals("started", all.json().path("status").asText());
        assertEquals("/api/library/scan/" + jobId, all.header("Location"));
        assertNull(scans.lastRootId);

        Reply emptyObject = api.request("POST", "/api/library/scan").token(ADMIN).json("{}").send();
        assertEquals(202, emptyObject.status(), emptyObject::toString);

        Reply one = api.request("POST", "/api/library/scan").token(ADMIN).json("{\"rootId\": 101}").send();
        assertEquals(202, one.status(), one::toString);
        assertEquals(101L, scans.lastRootId);

        Reply job = api.get(one.header("Location"), USER);
        assertEquals(200, job.status(), job::toString);
        assertEquals("running", job.json().path("status").asText());
        assertEquals("2024-05-01T10:15:30Z", job.json().path("startedAt").asText());
        assertTrue(job.json().has("finishedAt") && job.json().path("finishedAt").isNull());

        assertTrue(api.get("/api/library/scan", USER).json().isArray());
    }

    @Test
    void scanBodyIsValidated() {
        assertDetailNames(api.request("POST", "/api/library/scan").token(ADMIN).json("{\"rootId\":\"abc\"}").send(),
                "rootId");
        assertDetailNames(api.request("POST", "/api/library/scan").token(ADMIN).json("{\"rootId\":1.5}").send(),
                "rootId");
        assertDetailNames(api.request("POST", "/api/library/scan").token(ADMIN).json("{\"rootID\":1}").send(),
                "rootID");
        assertDetailNames(api.request("POST", "/api/library/scan").token(ADMIN).json("[1]").send(), "JSON object");
        assertProblem(api.request("POST", "/api/library/scan").token(ADMIN).json("{\"rootId\":404}").send(), 404);
    }

    @Test
    void scanIsCancelled() {
        long jobId = api.request("POST", "/api/library/scan").token(ADMIN).send().json().path("jobId").asLong();
        Reply cancelled = api.request("DELETE", "/api/library/scan/" + jobId).token(ADMIN).send();
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals("cancelled", cancelled.json().path("status").asText());
        assertEquals("cannot probe", cancelled.json().path("errors").get(0).path("message").asText());
        assertProblem(api.request("DELETE", "/api/library/scan/" + jobId).token(ADMIN).send(), 409);
        assertProblem(api.request("DELETE", "/api/library/scan/999").token(ADMIN).send(), 404);
        assertProblem(api.get("/api/library/scan/abc", USER), 404);
    }

    // --- stats, plugins --------------------------------------------------------------------------------------

    @Test
    void statsAndPlugins() {
        JsonNode stats = api.get("/api/library/stats", USER).json();
        assertEquals(1, stats.path("totalFiles").asLong());
        assertEquals(1000, stats.path("byMediaType").path("movie").path("sizeBytes").asLong());
        assertEquals(1, stats.path("byCodec").path("h265").asLong());
        assertEquals(1, stats.path("byResolution").path("2160p").asLong());

        JsonNode plugins = api.get("/api/plugins", USER).json();
        assertEquals("org.omnilux.scanner.movie", plugins.get(0).path("id").asText());
        assertEquals("movie", plugins.get(0).path("mediaTypes").get(0).asText());
        assertEquals("active", plugins.get(0).path("state").asText());
    }

    // --- artwork ---------------------------------------------------------------------------------------------

    @Test
    void artworkTakesHeaderOrQueryToken() {
        Reply header = api.get("/artwork/poster-603.png", USER);
        assertEquals(200, header.status(), header::toString);
        assertEquals("image/png", header.contentType());
        assertTrue(header.header("Cache-Control").contains("max-age"));
        assertEquals(9, header.bytes().length);

        Reply query = api.request("GET", "/artwork/poster-603.png?access_token=" + USER)
                .header("Accept", "image/avif,image/webp,*/*").send();
        assertEquals(200, query.status(), query::toString);

        Reply sniffed = api.get("/artwork/cover", USER);
        assertEquals("image/jpeg", sniffed.contentType());

        Reply none = api.get("/artwork/poster-603.png", null);
        assertProblem(none, 401);
        assertEquals("Bearer", none.header("WWW-Authenticate"));
        assertProblem(api.get("/artwork/poster-603.png?access_token=wrong", null), 401);
        assertProblem(api.request("GET", "/artwork/missing.jpg").token(USER).header("Accept", "image/*").send(), 404);
        assertProblem(api.get("/artwork/..%2Fsecret", USER), 404);
    }

    @Test
    void unavailableCoreIs503WithRetryAfter() {
        library.unavailable = true;
        Reply reply = api.get("/api/library/roots", USER);
        assertProblem(reply, 503);
        assertEquals("5", reply.header("Retry-After"));
    }

    // --- 500 -------------------------------------------------------------------------------------------------

    @Test
    void unexpectedErrorsAre500WithoutDetails() {
        HttpHarness broken = new HttpHarness(RestApplication.create(library, scans, new Fakes.BrokenPlugins(),
                new Fakes.Artwork(artworkDir), auth, health));
        Reply reply = broken.get("/api/plugins", USER);
        JsonNode json = assertProblem(reply, 500);
        assertFalse(reply.body().contains("secret internal detail"), reply::toString);
        assertTrue(json.path("detail").asText().contains(json.path("errorId").asText()));
    }
}
