package org.omnilux.apitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A scanner's configuration file ({@code config/<pid>.cfg}) dropped into the config folder of a running server
 * changes what the scanner does at the next scan and what {@code /api/plugins} lists as its extensions, without a
 * restart and without the scanner's service going away; deleting the file brings the defaults back.
 */
class ScannerConfigIT {

    private static final String PID = "org.omnilux.scanner.book";

    @Test
    void aCfgFileChangesTheScannerLive() throws Exception {
        try (OmniLuxServer server = OmniLuxServer.create("scanner-config", false)) {
            Path config = server.ownConfigDir();
            server.installScanner("book");
            Path books = Files.createDirectories(server.home.resolve("media/books"));
            Files.writeString(books.resolve("Walden (1854).txt"), "Walden; or, Life in the Woods");
            Files.writeString(books.resolve("Henry David Thoreau - Civil Disobedience (1849).md"), "# Civil Disobedience");
            server.start();
            Api api = new Api(server);
            String admin = api.loginAdmin();
            long rootId = addRoot(api, admin, books);
            List<String> defaults = extensions(api, admin);
            assertTrue(defaults.contains("epub") && defaults.contains("txt") && !defaults.contains("md"),
                    "the default extensions: " + defaults);

            JsonNode first = scan(api, admin, rootId);
            assertEquals(1, first.path("filesAdded").asLong(), "by default .md is no book: " + first);
            assertEquals(List.of("Walden"), titles(api, admin, rootId));

            // as a user edits it: write elsewhere, then move into place
            Path staged = server.home.resolve("staged.cfg");
            Files.writeString(staged, "# added by ScannerConfigIT\nextensions=epub, pdf, txt, md\n");
            long written = System.nanoTime();
            Files.move(staged, config.resolve(PID + ".cfg"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);

            JsonNode withMd = scanUntil(api, admin, rootId, job -> job.path("filesAdded").asLong() == 1);
            long appliedMs = Duration.ofNanos(System.nanoTime() - written).toMillis();
            System.out.printf("ScannerConfigIT: a .cfg change took effect at a scan %d ms after it was written%n",
                    appliedMs);
            assertEquals(0, withMd.path("filesFailed").asLong(), withMd.toString());
            assertEquals(List.of("Civil Disobedience", "Walden"), titles(api, admin, rootId));
            // what the scanner declares follows its configuration (DS updates its service properties after
            // @Modified; the registry reads the descriptor again)
            assertEquals(List.of("epub", "pdf", "txt", "md"), awaitExtensions(api, admin, e -> e.contains("md")));
            JsonNode md = api.get("/api/library/files?rootId=" + rootId + "&search=Disobedience", admin).json()
                    .path("items").get(0);
            assertEquals("md", md.path("container").asText(), md.toString());
            assertEquals(1849, md.path("year").asInt(), md.toString());
            assertEquals("Henry David Thoreau", md.path("metadata").path("author").asText(), md.toString());

            // deleting the file brings the defaults back: the .md is no library item any more, a new one is not taken
            Files.delete(config.resolve(PID + ".cfg"));
            JsonNode dropped = scanUntil(api, admin, rootId, job -> job.path("filesRemoved").asLong() == 1);
            assertEquals(defaults, awaitExtensions(api, admin, e -> !e.contains("md")));
            assertEquals(0, dropped.path("filesAdded").asLong(), dropped.toString());
            assertEquals(List.of("Walden"), titles(api, admin, rootId));
            Files.writeString(books.resolve("Later.md"), "# Later");
            Files.writeString(books.resolve("Sooner.txt"), "Sooner");
            JsonNode withDefaults = scan(api, admin, rootId);
            assertEquals(1, withDefaults.path("filesAdded").asLong(), withDefaults.toString());
            assertEquals(List.of("Sooner", "Walden"), titles(api, admin, rootId));

            // modified in place: the scanner's service was bound once and never unbound
            String log = server.logText();
            assertEquals(1, count(log, "Scanner added: " + PID), "the book scanner was registered once:\n" + log);
            assertEquals(0, count(log, "Scanner removed: "), "no scanner was unregistered:\n" + log);
            JsonNode plugins = api.get("/api/plugins", admin).json();
            assertTrue(plugins.toString().contains("\"active\""), plugins.toString());
        }
    }

    private static long addRoot(Api api, String admin, Path dir) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Api.Response created = api.post("/api/library/roots", admin,
                    Api.json("path", dir.toString(), "name", "Books", "mediaType", "book"));
            if (created.status() == 201) {
                return created.json().path("id").asLong();
            }
            assertTrue(created.status() == 400 && System.nanoTime() < deadline, created.raw().body());
            Thread.sleep(200); // the scanner jar is still being picked up
        }
    }

    private static JsonNode scan(Api api, String admin, long rootId) throws InterruptedException {
        Api.Response started = api.post("/api/library/scan", admin, Api.json("rootId", rootId));
        assertEquals(202, started.status(), started.raw().body());
        JsonNode job = api.awaitJob(started.json().path("jobId").asLong(), admin);
        assertEquals("completed", job.path("status").asText(), job.toString());
        return job;
    }

    /** Scans until a scan's job matches: FileInstall polls the config folder once a second. */
    private static JsonNode scanUntil(Api api, String admin, long rootId,
            java.util.function.Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<JsonNode> jobs = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            JsonNode job = scan(api, admin, rootId);
            if (done.test(job)) {
                return job;
            }
            jobs.add(job);
            Thread.sleep(250);
        }
        throw new AssertionError("the configuration never took effect; scans: " + jobs);
    }

    /** The extensions {@code /api/plugins} lists for the book scanner, which must be active. */
    private static List<String> extensions(Api api, String admin) {
        for (JsonNode p : api.get("/api/plugins", admin).json()) {
            if (PID.equals(p.path("id").asText())) {
                assertEquals("active", p.path("state").asText(), p.toString());
                List<String> out = new ArrayList<>();
                p.path("extensions").forEach(e -> out.add(e.asText()));
                return out;
            }
        }
        throw new AssertionError("the book scanner is not listed: " + api.get("/api/plugins", admin).raw().body());
    }

    /** Polls {@code /api/plugins} until the book scanner's extensions match (the registry is told, not polled). */
    private static List<String> awaitExtensions(Api api, String admin, java.util.function.Predicate<List<String>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<String> seen = extensions(api, admin);
        while (!done.test(seen)) {
            assertTrue(System.nanoTime() < deadline, "/api/plugins still lists the extensions " + seen);
            Thread.sleep(50);
            seen = extensions(api, admin);
        }
        return seen;
    }

    private static List<String> titles(Api api, String admin, long rootId) {
        JsonNode page = api.get("/api/library/files?rootId=" + rootId + "&sort=title", admin).json();
        List<String> titles = new ArrayList<>();
        page.path("items").forEach(item -> titles.add(item.path("title").asText()));
        return titles;
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
