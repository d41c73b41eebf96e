package org.omnilux.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Hot deploy under load, the figures of the "plugins that come and go" issue: {@code --cycles} times (default 100)
 * the movie scanner's jar is deleted from the bundles folder of a running server and dropped again (copy, then
 * rename), at a random moment relative to FileInstall's 1 s poll, while {@code --clients} threads (default 4) query
 * the API all the time and a scan of a {@code --movies} library (default 300 hard-linked movies, every file touched
 * before each scan so that it is really recognised) runs whenever the scanner is there. Printed: the requests and
 * how many failed (any answer other than 200, or an I/O error; target 0), the movies in the library never going
 * down, and the milliseconds from the drop to the type being usable (the plugin listed active with its media type
 * in {@code /api/plugins}, polled every 50 ms) and from the removal to the plugin being gone: median, p95, max
 * (target: under 2 s each).
 */
public final class HotDeployBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MOVIE = "org.omnilux.scanner.movie";

    private final Server server;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HotDeployBench(Server server) throws Exception {
        this.server = server;
        this.token = JSON.readTree(request("POST", "/api/auth/login",
                JSON.writeValueAsString(Map.of("username", "admin", "password", Server.PASSWORD))).body())
                .get("token").asText();
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int cycles = args.getInt("cycles", 100);
        int clients = args.getInt("clients", 4);
        int movies = args.getInt("movies", 300);
        Path work = args.work();
        System.out.printf(Locale.ROOT, "OmniLux hot deploy benchmark: %d install/remove cycles, %d clients, %d movies, "
                + "%d cores%n", cycles, clients, movies, Runtime.getRuntime().availableProcessors());
        Path library = work.resolve("hotdeploy-" + movies);
        List<Path> files = Library.build(library, movies, Library.sources(work));
        try (Server server = Server.start(args.repo(), work.resolve("server-hotdeploy"), List.of(), Map.of())) {
            new HotDeployBench(server).run(cycles, clients, library, files);
        }
    }

    private void run(int cycles, int clients, Path library, List<Path> files) throws Exception {
        long root = server.addRoot(library);
        Path jar = server.home.resolve("bundles/omnilux-scanner-movie.jar");
        Path staged = Files.copy(jar, server.home.resolve("omnilux-scanner-movie.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        List<Long> usable = new ArrayList<>();
        List<Long> gone = new ArrayList<>();
        int scansStarted = 0;
        int scansCutShort = 0;
        Load load = new Load(clients);
        long start = System.nanoTime();
        try {
            for (int i = 1; i <= cycles; i++) {
                // a scan is recognising files when the plugin leaves
                long job = startScan(root, files);
                scansStarted++;
                Thread.sleep(ThreadLocalRandom.current().nextLong(1000));
                long t0 = System.nanoTime();
                Files.delete(jar);
                awaitPlugins(p -> find(p) == null);
                gone.add(millisSince(t0));
                if (awaitScan(job).path("errors").toString().contains("removed")) {
                    scansCutShort++;
                }

                Thread.sleep(ThreadLocalRandom.current().nextLong(1000));
                Path temp = jar.resolveSibling(".omnilux-scanner-movie.jar.part");
                Files.copy(staged, temp, StandardCopyOption.REPLACE_EXISTING);
                t0 = System.nanoTime();
                Files.move(temp, jar, StandardCopyOption.ATOMIC_MOVE);
                awaitPlugins(p -> find(p) != null && "active".equals(find(p).path("state").asText())
                        && find(p).path("mediaTypes").toString().contains("\"movie\""));
                usable.add(millisSince(t0));
                if (i % 10 == 0) {
                    System.out.printf(Locale.ROOT, "  %d cycles, %d requests, %d failed%n", i, load.requests.get(),
                            load.failures.size());
                }
            }
        } finally {
            load.close();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = movieTotal();
        System.out.printf(Locale.ROOT, "%nResults (%d cycles in %.0f s):%n", cycles, seconds);
        System.out.printf(Locale.ROOT, "  requests: %d, failed: %d (target 0)%n", load.requests.get(),
                load.failures.size());
        load.failures.stream().limit(10).forEach(f -> System.out.println("    " + f));
        System.out.printf(Locale.ROOT, "  jar drop -> type usable: %s (target < 2000 ms)%n", stats(usable));
        System.out.printf(Locale.ROOT, "  removal -> gone:         %s (target < 2000 ms)%n", stats(gone));
        System.out.printf(Locale.ROOT, "  scans started: %d, ended by the scanner leaving: %d; movies in the library: %d"
                + " (never went down: %s)%n", scansStarted, scansCutShort, total, load.totalsNeverWentDown.get());
    }

    /** Touches every movie (so that the scan recognises them again) and starts a scan of the root. */
    private long startScan(long root, List<Path> files) throws Exception {
        FileTime now = FileTime.fromMillis(System.currentTimeMillis());
        for (Path f : files) {
            Files.setLastModifiedTime(f, now);
        }
        HttpResponse<String> r = request("POST", "/api/library/scan", "{\"rootId\":" + root + "}");
        if (r.statusCode() != 202) {
            throw new IllegalStateException("scan not started: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("jobId").asLong();
    }

    private JsonNode awaitScan(long job) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode j = JSON.readTree(request("GET", "/api/library/scan/" + job, null).body());
            if (!"running".equals(j.path("status").asText())) {
                return j;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("scan " + job + " still running");
    }

    private void awaitPlugins(Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.test(JSON.readTree(request("GET", "/api/plugins", null).body()))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("plugins not in the expected state after 60 s");
    }

    private static JsonNode find(JsonNode plugins) {
        for (JsonNode p : plugins) {
            if (MOVIE.equals(p.path("id").asText())) {
                return p;
            }
        }
        return null;
    }

    private long movieTotal() throws Exception {
        return JSON.readTree(request("GET", "/api/library/files?mediaType=movie&limit=1", null).body())
                .path("total").asLong();
    }

    private HttpResponse<String> request(String method, String path, String json) throws IOException,
            InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    static String stats(List<Long> ms) {
        List<Long> s = new ArrayList<>(ms);
        Collections.sort(s);
        return String.format(Locale.ROOT, "median %d ms, p95 %d ms, max %d ms (n=%d)", s.get(s.size() / 2),
                s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * 0.95) - 1)), s.get(s.size() - 1), s.size());
    }

    /** Client threads asking for plugins, stats, the movie list, single movies and the roots, 20 ms apart. */
    private final class Load implements AutoCloseable {
        final AtomicLong requests = new AtomicLong();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean totalsNeverWentDown = new AtomicBoolean(true);
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private volatile long[] ids = new long[0];

        Load(int clients) {
            for (int t = 0; t < clients; t++) {
                int first = t;
                Thread thread = new Thread(() -> loop(first), "client-" + t);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }

        private void loop(int first) {
            long movies = 0;
            for (int i = first; running.get(); i++) {
                long[] known = ids;
                String path = switch (i % 5) {
                    case 0 -> "/api/plugins";
                    case 1 -> "/api/library/stats";
                    case 2 -> "/api/library/files?mediaType=movie&sort=title&limit=20&offset="
                            + ThreadLocalRandom.current().nextInt(100);
                    case 3 -> known.length == 0 ? "/api/library/roots"
                            : "/api/library/files/" + known[ThreadLocalRandom.current().nextInt(known.length)];
                    default -> "/api/library/roots";
                };
                try {
                    HttpResponse<String> r = request("GET", path, null);
                    if (r.statusCode() != 200) {
                        failures.add(path + " -> " + r.statusCode() + " " + r.body());
                    } else if (path.startsWith("/api/library/files?")) {
                        JsonNode page = JSON.readTree(r.body());
                        long total = page.path("total").asLong();
                        if (total < movies) {
                            totalsNeverWentDown.set(false);
                            failures.add("movies went from " + movies + " down to " + total);
                        }
                        movies = Math.max(movies, total);
                        List<Long> found = new ArrayList<>();
                        page.path("items").forEach(item -> found.add(item.path("id").asLong()));
                        if (!found.isEmpty()) {
                            ids = found.stream().mapToLong(Long::longValue).toArray();
                        }
                    }
                } catch (IOException e) {
                    failures.add(path + " -> " + e);
                } catch (InterruptedException e) {
                    return;
                }
                requests.incrementAndGet();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(30_000);
            }
        }
    }
}
