package org.omnilux.apitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A scanner jar dropped into the bundles folder of a running server adds its media type within seconds; removing
 * it takes the type away but keeps its files; the server answers throughout.
 */
class HotDeployIT {

    @Test
    void scannerComesAndGoesWhileTheServerServes() throws Exception {
        try (OmniLuxServer server = OmniLuxServer.create("hot-deploy", false)) {
            Path movies = server.home.resolve("media/movies");
            TestFiles.video(movies.resolve("Heat (1995)/Heat (1995).mkv"), 320, 240);
            server.start();
            Api api = new Api(server);
            String admin = api.loginAdmin();

            assertEquals(0, api.get("/api/plugins", admin).json().size(), "no plugin installed yet");
            api.post("/api/library/roots", admin, Api.json("path", movies.toString(), "name", "Movies", "mediaType", "movie")).assertProblem(400);

            // a client keeps asking while plugins come and go: not one request may fail
            AtomicBoolean polling = new AtomicBoolean(true);
            AtomicInteger requests = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            Thread poller = new Thread(() -> {
                while (polling.get()) {
                    try {
                        int status = api.get("/api/plugins", admin).status();
                        if (status != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    }
                    requests.incrementAndGet();
                }
            });
            poller.start();
            try {
                Path jar = server.installPlugin(OmniLuxServer.movieScannerJar(), "omnilux-scanner-movie-0.1.0-SNAPSHOT.jar");
                long appearedMs = awaitPlugins(api, admin, plugins -> plugins.toString().contains("\"movie\""));
                assertTrue(appearedMs <= 5000, "plugin visible after " + appearedMs + " ms");

                JsonNode root = api.post("/api/library/roots", admin, Api.json("path", movies.toString(), "name", "Movies", "mediaType", "movie")).json();
                long rootId = root.path("id").asLong();
                JsonNode job = api.awaitJob(api.post("/api/library/scan", admin, "{}").json().path("jobId").asLong(), admin);
                assertEquals(1, job.path("filesAdded").asLong(), job.toString());

                Files.delete(jar);
                long goneMs = awaitPlugins(api, admin, plugins -> plugins.size() == 0);
                assertTrue(goneMs <= 5000, "plugin gone after " + goneMs + " ms");

                // the type's files stay; a scan of the root is skipped with an error entry and keeps them
                JsonNode skipped = api.awaitJob(api.post("/api/library/scan", admin, Api.json("rootId", rootId)).json().path("jobId").asLong(), admin);
                assertEquals(0, skipped.path("filesRemoved").asLong(), skipped.toString());
                assertTrue(skipped.path("errors").size() >= 1 && skipped.path("errors").toString().contains("movie"), skipped.toString());
                assertEquals(1, api.get("/api/library/files?rootId=" + rootId, admin).json().path("total").asLong());
                assertEquals(1, api.get("/api/library/files?mediaType=movie", admin).json().path("total").asLong(),
                        "a type whose plugin left can still be filtered on");

                server.installPlugin(OmniLuxServer.movieScannerJar(), "omnilux-scanner-movie-0.1.0-SNAPSHOT.jar");
                awaitPlugins(api, admin, plugins -> plugins.toString().contains("\"movie\""));
                JsonNode again = api.awaitJob(api.post("/api/library/scan", admin, Api.json("rootId", rootId)).json().path("jobId").asLong(), admin);
                assertEquals("completed", again.path("status").asText(), again.toString());
                assertEquals(0, again.path("filesAdded").asLong() + again.path("filesRemoved").asLong(), again.toString());
            } finally {
                polling.set(false);
                poller.join();
            }
            assertTrue(requests.get() > 10, "the poller ran: " + requests.get());
            assertEquals(0, failures.get(), "requests failed while plugins came and went");
        }
    }

    /**
     * A jar written into the folder slowly, in pieces, is never installed half: between the pieces it is left alone
     * longer than the server waits before reading a changed jar, yet never for a whole FileInstall poll. Once the
     * last piece is written, the plugin comes.
     */
    @Test
    void aJarWrittenInPiecesIsOnlyInstalledWhole() throws Exception {
        try (OmniLuxServer server = OmniLuxServer.create("hot-deploy-pieces", false)) {
            server.start();
            Api api = new Api(server);
            String admin = api.loginAdmin();
            byte[] jar = Files.readAllBytes(OmniLuxServer.scannerJar("tv"));
            int pieces = 8;
            Path target = server.bundlesDir.resolve("omnilux-scanner-tv.jar");
            try (OutputStream out = Files.newOutputStream(target)) {
                for (int i = 0; i < pieces; i++) {
                    int from = jar.length * i / pieces;
                    out.write(jar, from, jar.length * (i + 1) / pieces - from);
                    out.flush();
                    if (i < pieces - 1) {
                        Thread.sleep(250);
                        JsonNode plugins = api.get("/api/plugins", admin).json();
                        assertEquals(0, plugins.size(), "after " + (i + 1) + " of " + pieces + " pieces: " + plugins);
                    }
                }
            }
            long usableMs = awaitPlugins(api, admin, plugins -> plugins.toString().contains("\"tv\"")
                    && plugins.toString().contains("\"active\""));
            System.out.printf("HotDeployIT: a jar written in pieces was usable %d ms after its last piece%n", usableMs);
            String log = server.logText();
            assertEquals(1, count(log, "Installing bundle org.omnilux.scanner.tv"), log);
            assertEquals(0, count(log, "Failed to install"), log);
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static long awaitPlugins(Api api, String token, Predicate<JsonNode> condition) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(15).toNanos();
        JsonNode plugins = null;
        while (System.nanoTime() < deadline) {
            plugins = api.get("/api/plugins", token).json();
            if (condition.test(plugins)) {
                return Duration.ofNanos(System.nanoTime() - start).toMillis();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("plugins never reached the expected state: " + plugins);
    }
}
