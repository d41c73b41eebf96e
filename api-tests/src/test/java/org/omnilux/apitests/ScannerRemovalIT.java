package org.omnilux.apitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Removing any one scanner jar while the server runs leaves the other six types working and that type's files in
 * place. One server with all seven scanners and a small root per type; each jar in turn is deleted from the
 * bundles folder (while the one deleted before is put back), and every root is scanned, each other root holding
 * one new file. At the end all seven are back and a scan finds nothing to do.
 */
class ScannerRemovalIT {

    private static final List<String> TYPES = List.of("movie", "tv", "music", "audiobook", "book", "comic", "game");

    /** The media of one type: where its root is and how to add one more file of it. */
    private interface Media {
        Path add(Path root, int n) throws Exception;
    }

    @Test
    void removingOneScannerLeavesTheOtherTypesWorkingAndItsFilesInPlace() throws Exception {
        try (OmniLuxServer server = OmniLuxServer.create("scanner-removal", false)) {
            Path fixtures = Files.createDirectories(server.home.resolve("fixtures"));
            Path video = TestFiles.video(fixtures.resolve("video.mkv"), 160, 120);
            Path mp3 = fixtures.resolve("tone.mp3");
            TestFiles.ffmpeg("-f", "lavfi", "-i", "sine=duration=1", "-c:a", "libmp3lame", mp3.toString());
            Path m4b = fixtures.resolve("book.m4b");
            TestFiles.ffmpeg("-f", "lavfi", "-i", "sine=duration=1", "-c:a", "aac", "-f", "ipod", m4b.toString());
            byte[] page = Files.readAllBytes(TestFiles.image(fixtures.resolve("page.jpg")));

            Map<String, Media> media = new LinkedHashMap<>();
            media.put("movie", (root, n) -> copy(video, root.resolve("Movie " + n + " (2001)/Movie " + n + " (2001).mkv")));
            media.put("tv", (root, n) -> copy(video, root.resolve("Show/Season 1/Show - S01E" + (10 + n) + ".mkv")));
            media.put("music", (root, n) -> copy(mp3, root.resolve("Artist/Album/" + (10 + n) + " - Song " + n + ".mp3")));
            media.put("audiobook", (root, n) -> copy(m4b, root.resolve("Author/Book " + n + "/Book " + n + ".m4b")));
            media.put("book", (root, n) -> write(root.resolve("Author - Book " + n + ".txt"), ("Book " + n).getBytes()));
            media.put("comic", (root, n) -> cbz(root.resolve("Saga " + (100 + n) + ".cbz"), page));
            media.put("game", (root, n) -> write(root.resolve("Game " + n + " (USA).sfc"), new byte[64 * 1024]));

            Map<String, Path> roots = new LinkedHashMap<>();
            for (String type : TYPES) {
                Path root = Files.createDirectories(server.home.resolve("media/" + type));
                media.get(type).add(root, 0);
                roots.put(type, root);
                server.installScanner(type);
            }
            server.start();
            Api api = new Api(server);
            String admin = api.loginAdmin();
            await(api, admin, plugins -> TYPES.stream().allMatch(type -> isActive(plugins, type)));
            Map<String, Long> rootIds = new LinkedHashMap<>();
            for (String type : TYPES) {
                Api.Response created = api.post("/api/library/roots", admin,
                        Api.json("path", roots.get(type).toString(), "name", type, "mediaType", type));
                assertEquals(201, created.status(), created.raw().body());
                rootIds.put(type, created.json().path("id").asLong());
            }
            JsonNode first = scanAll(api, admin);
            assertEquals(7, first.path("filesAdded").asLong(), first.toString());
            assertEquals(0, first.path("errors").size(), first.toString());

            Map<String, Long> expected = new LinkedHashMap<>();
            TYPES.forEach(type -> expected.put(type, 1L));
            int added = 0;
            String previous = null;
            for (String removed : TYPES) {
                long before = count(api, admin, rootIds.get(removed));
                // the previous round's jar goes back as this one's leaves: one FileInstall poll for both
                if (previous != null) {
                    server.installScanner(previous);
                }
                Files.delete(server.bundlesDir.resolve("omnilux-scanner-" + removed + ".jar"));
                String back = previous;
                long swapMs = await(api, admin, plugins -> !isListed(plugins, removed)
                        && (back == null || isActive(plugins, back)));
                System.out.printf("ScannerRemovalIT: %s gone from /api/plugins%s %d ms after the jars were moved%n",
                        removed, back == null ? "" : " and " + back + " active again", swapMs);

                added++;
                for (String other : TYPES) {
                    if (!other.equals(removed)) {
                        media.get(other).add(roots.get(other), added);
                        expected.merge(other, 1L, Long::sum);
                    }
                }
                JsonNode job = scanAll(api, admin);

                String what = removed + " removed: " + job;
                assertEquals(6, job.path("filesAdded").asLong(), "every other type took its new file; " + what);
                assertEquals(0, job.path("filesRemoved").asLong(), what);
                assertEquals(1, job.path("errors").size(), "only the root of the missing type: " + what);
                JsonNode error = job.path("errors").get(0);
                assertEquals(roots.get(removed).toString(), error.path("path").asText(), what);
                assertTrue(error.path("message").asText().contains(removed), what);
                assertEquals(before, count(api, admin, rootIds.get(removed)), "its files stay; " + what);
                assertEquals(before, api.get("/api/library/stats", admin).json().path("byMediaType").path(removed)
                        .path("count").asLong(), "and count in the statistics; " + what);
                for (String type : TYPES) {
                    assertEquals(expected.get(type), count(api, admin, rootIds.get(type)), type + "; " + what);
                }
                previous = removed;
            }
            server.installScanner(previous);
            String last = previous;
            await(api, admin, plugins -> isActive(plugins, last));

            JsonNode all = scanAll(api, admin);
            assertEquals(0, all.path("errors").size(), "every scanner is back: " + all);
            assertEquals(0, all.path("filesAdded").asLong() + all.path("filesRemoved").asLong(), all.toString());
            assertEquals(7 + 6 * 7, api.get("/api/library/stats", admin).json().path("totalFiles").asLong());
        }
    }

    private static JsonNode scanAll(Api api, String admin) throws InterruptedException {
        Api.Response started = api.post("/api/library/scan", admin, "{}");
        assertEquals(202, started.status(), started.raw().body());
        JsonNode job = api.awaitJob(started.json().path("jobId").asLong(), admin);
        assertEquals("completed", job.path("status").asText(), job.toString());
        return job;
    }

    private static long count(Api api, String admin, long rootId) {
        return api.get("/api/library/files?rootId=" + rootId + "&limit=1", admin).json().path("total").asLong();
    }

    private static boolean isListed(JsonNode plugins, String type) {
        for (JsonNode plugin : plugins) {
            if (plugin.path("id").asText().equals("org.omnilux.scanner." + type)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isActive(JsonNode plugins, String type) {
        for (JsonNode plugin : plugins) {
            if (plugin.path("id").asText().equals("org.omnilux.scanner." + type)
                    && plugin.path("state").asText().equals("active")
                    && plugin.path("mediaTypes").toString().contains("\"" + type + "\"")) {
                return true;
            }
        }
        return false;
    }

    /** Polls {@code /api/plugins} until the condition holds (at most 30 s) and returns how long that took. */
    private static long await(Api api, String admin, Predicate<JsonNode> condition) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(30).toNanos();
        JsonNode plugins = null;
        while (System.nanoTime() < deadline) {
            plugins = api.get("/api/plugins", admin).json();
            if (condition.test(plugins)) {
                return Duration.ofNanos(System.nanoTime() - start).toMillis();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("plugins never reached the expected state: " + plugins);
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        return Files.copy(from, to);
    }

    private static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private static Path cbz(Path file, byte[] page) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("001.jpg"));
            zip.write(page);
            zip.closeEntry();
        }
        return file;
    }
}
