package org.omnilux.apitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Hot deploy under real conditions: while a scan of a root runs and client threads query the API without pause, a
 * scanner is installed, updated in place, upgraded under a new file name and removed. Not one request may fail, the
 * running job must end in a defined state that names the scanner that left, the type's files are never deleted, the
 * next scan with the plugin back picks up, and only one version of a plugin is ever left installed. Then install and
 * remove cycles of another scanner during that scan, under the same load, and a restart with a jar deleted and an
 * older version dropped while the server was down.
 */
class HotDeployUnderLoadIT {
    private static final String MOVIE = "org.omnilux.scanner.movie";
    private static final String TV = "org.omnilux.scanner.tv";
    /**
     * Hard-linked movies, each really probed: with one probe at a time and ffprobe started 50 ms late (see
     * {@link #slowScans}) at most 20 a second, so a scan outlasts the jars being picked up on any machine.
     */
    private static final int MOVIES = 300;
    private static final int CYCLES = 10;
    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(20);

    @Test
    void scannersComeGoAndUpgradeDuringAScanWhileClientsQuery() throws Exception {
        try (OmniLuxServer server = OmniLuxServer.create("hot-deploy-load", false)) {
            Path media = server.home.resolve("media");
            Path source = TestFiles.video(media.resolve("source/source.mkv"), 320, 240);
            Path movies = media.resolve("movies");
            for (int i = 1; i <= MOVIES; i++) {
                String name = String.format("Movie %03d (%d)", i, 1950 + i % 70);
                Files.createDirectories(movies.resolve(name));
                Files.createLink(movies.resolve(name).resolve(name + ".mkv"), source);
            }
            Path shows = media.resolve("tv");
            Files.createDirectories(shows.resolve("Show/Season 01"));
            Files.createLink(shows.resolve("Show/Season 01/Show - S01E01.mkv"), source);
            Files.createLink(shows.resolve("Show/Season 01/Show - S01E02.mkv"), source);

            slowScans(server);
            Path movieJar = server.installScanner("movie");
            Path tvJar = server.installScanner("tv");
            server.start();
            Api api = new Api(server);
            String admin = api.loginAdmin();
            awaitPlugins(api, admin, p -> isActive(p, MOVIE) && isActive(p, TV));
            long movieRoot = api.post("/api/library/roots", admin, Api.json("path", movies.toString(), "name", "Movies",
                    "mediaType", "movie")).json().path("id").asLong();
            long tvRoot = api.post("/api/library/roots", admin, Api.json("path", shows.toString(), "name", "Shows",
                    "mediaType", "tv")).json().path("id").asLong();
            assertTrue(movieRoot < tvRoot, "a scan of every root walks the movies first");
            Files.delete(tvJar);
            awaitPlugins(api, admin, p -> find(p, TV).isEmpty());

            List<Long> usableMs = new ArrayList<>();
            List<Long> goneMs = new ArrayList<>();
            String upgradedVersion;
            long upgradeMs;
            Path upgradedJar;
            try (Load load = new Load(server, admin, 4)) {
                // 1. a scan of every root: the tv scanner is installed while the movies are walked (its root, second
                // in line, is then scanned), and the movie scanner is updated in place under the running walk
                long job1 = startScan(api, admin, null);
                awaitRunning(api, admin, job1);
                usableMs.add(timed(() -> server.installScanner("tv"), api, admin, p -> isActive(p, TV)));
                assertRunning(api, admin, job1, "before the movie scanner is updated");
                Path temp = server.bundlesDir.resolve(".update.part");
                Files.copy(OmniLuxServer.scannerJar("movie"), temp);
                // a new modification time: FileInstall tells a changed jar by its name, size and time
                Files.setLastModifiedTime(temp, FileTime.fromMillis(System.currentTimeMillis()));
                Files.move(temp, movieJar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                JsonNode ended1 = api.awaitJob(job1, admin);
                assertScannerLeft(ended1, "the update of the movie scanner");
                assertEquals(2, api.get("/api/library/files?rootId=" + tvRoot, admin).json().path("total").asLong(),
                        "the tv root was scanned by the tv scanner installed during the job: " + ended1);
                awaitPlugins(api, admin, p -> isActive(p, MOVIE));

                // 2. a new version under a new file name during a scan of the movies: it replaces the old one
                long job2 = startScan(api, admin, movieRoot);
                awaitRunning(api, admin, job2);
                upgradedVersion = nextVersion(OmniLuxServer.scannerJar("movie"));
                Path upgrade = withVersion(OmniLuxServer.scannerJar("movie"), upgradedVersion,
                        server.home.resolve("omnilux-scanner-movie-" + upgradedVersion + ".jar"));
                String upgradedName = upgrade.getFileName().toString();
                long upgradeStart = System.nanoTime();
                server.installPlugin(upgrade, upgradedName);
                JsonNode afterUpgrade = awaitPlugins(api, admin, p -> find(p, MOVIE).size() == 1 && isActive(p, MOVIE)
                        && upgradedVersion.equals(find(p, MOVIE).get(0).path("version").asText()));
                upgradeMs = Duration.ofNanos(System.nanoTime() - upgradeStart).toMillis();
                upgradedJar = server.bundlesDir.resolve(upgradedName);
                assertFalse(Files.exists(movieJar), "the replaced jar left the bundles folder");
                assertTrue(Files.isRegularFile(movieJar.resolveSibling(movieJar.getFileName() + ".replaced")),
                        "the replaced jar is kept beside, renamed");
                JsonNode ended2 = api.awaitJob(job2, admin);
                assertScannerLeft(ended2, "the upgrade of the movie scanner (the old version left): " + afterUpgrade);

                // 3. removal during a scan: the job ends, the files stay, the type can still be queried. The jar goes
                // once the scan has written movies: a jar is picked up in well under a second, so the earlier scans
                // may have been cut short before writing any, and the next scan is to pick up where this one stopped
                long job3 = startScan(api, admin, movieRoot);
                awaitAdded(api, admin, job3);
                goneMs.add(timed(() -> Files.delete(upgradedJar), api, admin, p -> find(p, MOVIE).isEmpty()));
                JsonNode ended3 = api.awaitJob(job3, admin);
                assertScannerLeft(ended3, "the removal of the movie scanner");
                long kept = movieTotal(api, admin);
                assertTrue(kept > 0, "movies were added before the plugin left: " + ended1 + ended2 + ended3);

                // 4. back again: the next scan picks up the rest and removes nothing, while the tv scanner comes
                // and goes, cycle after cycle, under the same load
                usableMs.add(timed(() -> server.installPlugin(upgrade, upgradedName), api, admin,
                        p -> isActive(p, MOVIE)));
                long job4 = startScan(api, admin, movieRoot);
                for (int i = 0; i < CYCLES; i++) {
                    goneMs.add(timed(() -> Files.delete(tvJar), api, admin, p -> find(p, TV).isEmpty()));
                    usableMs.add(timed(() -> server.installScanner("tv"), api, admin, p -> isActive(p, TV)));
                }
                JsonNode ended4 = awaitJob(api, admin, job4);
                assertEquals("completed", ended4.path("status").asText(), ended4.toString());
                assertEquals(0, ended4.path("errors").size(), ended4.toString());
                assertEquals(0, ended4.path("filesRemoved").asLong(), ended4.toString());
                assertEquals(MOVIES - kept, ended4.path("filesAdded").asLong(), ended4.toString());
                assertEquals(MOVIES, movieTotal(api, admin));
                load.assertNoFailure();
            }
            System.out.printf("[measure] hot deploy under load: jar drop to type usable %s; removal to gone %s; "
                    + "new version under a new name to the only one installed %d ms%n", summary(usableMs),
                    summary(goneMs), upgradeMs);
            assertEquals(MOVIES, movieTotal(api, admin), "no movie was ever deleted");

            // 5. while the server is down: the tv jar is deleted and the first movie jar (an older version) dropped
            // again. At the next start tv is gone (its files stay) and only the newest movie scanner runs.
            server.stop();
            Files.delete(tvJar);
            Files.delete(movieJar.resolveSibling(movieJar.getFileName() + ".replaced"));
            server.installScanner("movie");
            server.start();
            JsonNode restarted = awaitPlugins(api, admin, p -> find(p, TV).isEmpty() && find(p, MOVIE).size() == 1
                    && isActive(p, MOVIE) && upgradedVersion.equals(find(p, MOVIE).get(0).path("version").asText()));
            assertEquals(1, restarted.size(), restarted.toString());
            assertFalse(Files.exists(movieJar), "the older jar dropped while the server was down is retired too");
            assertTrue(Files.isRegularFile(movieJar.resolveSibling(movieJar.getFileName() + ".replaced")));
            assertEquals(2, api.get("/api/library/files?rootId=" + tvRoot, admin).json().path("total").asLong(),
                    "the files of a type whose jar was deleted while the server was down are kept");
            assertEquals(MOVIES, movieTotal(api, admin));
        }
    }

    // ---- the load: client threads querying all the time

    /** Client threads asking for plugins, stats, the file list and single files, counting every failure. */
    private static final class Load implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong requests = new AtomicLong();
        private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        private final AtomicReference<long[]> fileIds = new AtomicReference<>(new long[0]);
        private final List<Thread> threads = new ArrayList<>();

        Load(OmniLuxServer server, String token, int clients) {
            for (int t = 0; t < clients; t++) {
                // a client of its own per thread: its own connections
                Api api = new Api(server);
                int first = t;
                Thread thread = new Thread(() -> run(api, token, first), "load-" + t);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }

        private void run(Api api, String token, int first) {
            long movieTotal = 0;
            for (int i = first; running.get(); i++) {
                String path = switch (i % 5) {
                    case 0 -> "/api/plugins";
                    case 1 -> "/api/library/stats";
                    case 2 -> "/api/library/files?mediaType=movie&sort=title&limit=20&offset="
                            + ThreadLocalRandom.current().nextInt(0, 40);
                    case 3 -> {
                        long[] ids = fileIds.get();
                        yield ids.length == 0 ? "/api/library/roots"
                                : "/api/library/files/" + ids[ThreadLocalRandom.current().nextInt(ids.length)];
                    }
                    default -> "/api/library/roots";
                };
                try {
                    Api.Response r = api.get(path, token);
                    if (r.status() != 200) {
                        failures.add(path + " -> " + r.status() + " " + r.raw().body());
                    } else if (path.startsWith("/api/library/files?")) {
                        // per thread: a request of another thread may have read an older state and answer later
                        long total = r.json().path("total").asLong();
                        if (total < movieTotal) {
                            failures.add("movie files went from " + movieTotal + " down to " + total);
                        }
                        movieTotal = Math.max(movieTotal, total);
                        List<Long> ids = new ArrayList<>();
                        r.json().path("items").forEach(item -> ids.add(item.path("id").asLong()));
                        if (!ids.isEmpty()) {
                            fileIds.set(ids.stream().mapToLong(Long::longValue).toArray());
                        }
                    }
                } catch (RuntimeException e) {
                    failures.add(path + " -> " + e);
                }
                requests.incrementAndGet();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void assertNoFailure() {
            assertTrue(requests.get() > 200, "the clients ran: " + requests.get() + " requests");
            assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())),
                    failures.size() + " of " + requests.get() + " requests failed");
            System.out.printf("[measure] hot deploy under load: %d requests, %d failed%n", requests.get(),
                    failures.size());
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(30_000);
            }
        }
    }

    // ---- helpers

    /**
     * Gives the server a configuration of its own: one file recognised at a time, probed by the real ffprobe run
     * through a script that waits 50 ms first. Probing speed differs by orders of magnitude between machines (and
     * probe backends); this bounds it, so that "while a scan runs" holds everywhere without a huge library.
     */
    private static void slowScans(OmniLuxServer server) throws IOException {
        Path config = server.ownConfigDir();
        Path ffprobe = Files.createDirectories(server.home.resolve("slow-ffprobe")).resolve("ffprobe");
        Files.writeString(ffprobe, "#!/bin/sh\nsleep 0.05\nexec ffprobe \"$@\"\n");
        Files.setPosixFilePermissions(ffprobe, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(config.resolve("org.omnilux.scan.cfg"), "poolSize=1\n");
        Files.writeString(config.resolve("org.omnilux.probe.cfg"),
                "backend=ffprobe\nmaxConcurrentProbes=1\nffprobePath=" + ffprobe.getParent() + "\n");
    }

    private interface Action {
        void run() throws Exception;
    }

    /** Runs the action and returns the milliseconds until the plugins answer meets the condition. */
    private static long timed(Action action, Api api, String token, Predicate<JsonNode> condition) throws Exception {
        long start = System.nanoTime();
        action.run();
        awaitPlugins(api, token, condition);
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static JsonNode awaitPlugins(Api api, String token, Predicate<JsonNode> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + DEPLOY_TIMEOUT.toNanos();
        JsonNode plugins = null;
        while (System.nanoTime() < deadline) {
            plugins = api.get("/api/plugins", token).json();
            if (condition.test(plugins)) {
                return plugins;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("plugins never reached the expected state within " + DEPLOY_TIMEOUT + ": " + plugins);
    }

    private static List<JsonNode> find(JsonNode plugins, String id) {
        List<JsonNode> out = new ArrayList<>();
        plugins.forEach(p -> {
            if (id.equals(p.path("id").asText())) {
                out.add(p);
            }
        });
        return out;
    }

    private static boolean isActive(JsonNode plugins, String id) {
        return find(plugins, id).stream().anyMatch(p -> "active".equals(p.path("state").asText()));
    }

    private static long startScan(Api api, String token, Long rootId) {
        Api.Response r = api.post("/api/library/scan", token, rootId == null ? "{}" : Api.json("rootId", rootId));
        assertEquals(202, r.status(), () -> r.raw().body());
        return r.json().path("jobId").asLong();
    }

    /** Waits until the job has recognised a first file: the walk is under way. */
    private static void awaitRunning(Api api, String token, long jobId) throws InterruptedException {
        awaitWhileRunning(api, token, jobId, "filesSeen", "saw");
    }

    /** Waits until the running job has written a first file. */
    private static void awaitAdded(Api api, String token, long jobId) throws InterruptedException {
        awaitWhileRunning(api, token, jobId, "filesAdded", "added");
    }

    /** Waits until the job's {@code counter} is above 0; the job must still be running then. */
    private static void awaitWhileRunning(Api api, String token, long jobId, String counter, String verb)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            job = api.get("/api/library/scan/" + jobId, token).json();
            assertEquals("running", job.path("status").asText(), () -> "the scan ended too early to test anything: "
                    + api.get("/api/library/scan/" + jobId, token).raw().body());
            if (job.path(counter).asLong() > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the scan " + verb + " no file: " + job);
    }

    /** Like {@link Api#awaitJob} with more time: a whole scan of the library on a busy machine. */
    private static JsonNode awaitJob(Api api, String token, long jobId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            job = api.get("/api/library/scan/" + jobId, token).json();
            if (!"running".equals(job.path("status").asText())) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("scan job " + jobId + " still running: " + job);
    }

    private static void assertRunning(Api api, String token, long jobId, String when) {
        JsonNode job = api.get("/api/library/scan/" + jobId, token).json();
        assertEquals("running", job.path("status").asText(), "the scan is still running " + when + ": " + job);
    }

    /** The job ended in a defined state, says which scanner left, and removed nothing. */
    private static void assertScannerLeft(JsonNode job, String what) {
        assertTrue(Set.of("completed", "failed").contains(job.path("status").asText()), what + ": " + job);
        boolean named = false;
        for (JsonNode e : job.path("errors")) {
            String message = e.path("message").asText();
            named |= message.contains("movie") && message.contains("plugin") && message.contains("removed");
        }
        assertTrue(named, what + ": the job's errors name the scanner that left: " + job);
        assertEquals(0, job.path("filesRemoved").asLong(), what + ": no file removed: " + job);
    }

    private static long movieTotal(Api api, String token) {
        Api.Response r = api.get("/api/library/files?mediaType=movie&limit=1", token);
        assertEquals(200, r.status(), () -> r.raw().body());
        return r.json().path("total").asLong();
    }

    /** The version of a jar with its micro part raised by one and no qualifier: a newer version of that bundle. */
    static String nextVersion(Path jar) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            String[] parts = in.getManifest().getMainAttributes().getValue("Bundle-Version").split("\\.");
            return parts[0] + "." + parts[1] + "." + (Integer.parseInt(parts[2]) + 1);
        }
    }

    /** A copy of a bundle jar with another {@code Bundle-Version}: the same plugin, another version. */
    static Path withVersion(Path jar, String version, Path target) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    private static String summary(List<Long> ms) {
        List<Long> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return String.format("median %d ms, max %d ms (n=%d)", sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1), sorted.size());
    }
}
