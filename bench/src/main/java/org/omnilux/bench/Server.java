package org.omnilux.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The real server, started as a user starts it ({@code java -jar omnilux.jar}), with a fresh home: data, bundles
 * and config folders under {@code home}, the movie scanner installed, extra {@code *.cfg} files written.
 */
final class Server implements AutoCloseable {
    /**
     * The server's JVM options when its command line gives none (the launcher's on Linux, see runtime's HeapLimit
     * and its PRIORITY_OPTIONS: the scan pool at nice 10).
     */
    static final List<String> LAUNCHER_DEFAULTS = List.of("-Xmx256m", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1",
            "-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority1_To_OSPriority=10", "-XX:JavaPriority6_To_OSPriority=0",
            "-XX:JavaPriority7_To_OSPriority=0", "-XX:JavaPriority8_To_OSPriority=0",
            "-XX:JavaPriority9_To_OSPriority=0", "-XX:JavaPriority10_To_OSPriority=0");
    static final String PASSWORD = "bench-admin-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path home;
    final int port;
    final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;

    private Server(Path home, int port, Process process) {
        this.home = home;
        this.port = port;
        this.process = process;
    }

    /**
     * @param repo    the repository (for runtime/target/omnilux.jar, scanner-movie/target and config/)
     * @param configs extra configuration files: name → content (e.g. org.omnilux.scan.cfg)
     */
    static Server start(Path repo, Path home, List<String> jvmArgs, Map<String, String> configs) throws Exception {
        return start(repo, home, jvmArgs, configs, "movie");
    }

    /** @param scannerType the media type whose scanner ({@code scanner-<type>/target}) is installed */
    static Server start(Path repo, Path home, List<String> jvmArgs, Map<String, String> configs, String scannerType)
            throws Exception {
        Library.deleteTree(home);
        Path bundles = Files.createDirectories(home.resolve("bundles"));
        Path config = Files.createDirectories(home.resolve("config"));
        try (var files = Files.list(repo.resolve("config"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, config.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (Map.Entry<String, String> c : configs.entrySet()) {
            Files.writeString(config.resolve(c.getKey()), c.getValue());
        }
        Path jar = repo.resolve("runtime/target/omnilux.jar");
        Path scanner;
        String artifact = "omnilux-scanner-" + scannerType;
        try (var s = Files.list(repo.resolve("scanner-" + scannerType + "/target"))) {
            scanner = s.filter(p -> p.getFileName().toString().matches(artifact + "-.*\\.jar")
                    && !p.getFileName().toString().contains("sources")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no scanner-" + scannerType + "/target/" + artifact
                            + "-*.jar: build the reactor first"));
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + ": build the reactor first");
        }
        Path temp = bundles.resolve("." + artifact + ".jar.part");
        Files.copy(scanner, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, bundles.resolve(artifact + ".jar"), StandardCopyOption.ATOMIC_MOVE);

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-jar");
        cmd.add(jar.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("server.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("OMNILUX_PORT", String.valueOf(port));
        env.put("OMNILUX_HOST", "127.0.0.1");
        env.put("OMNILUX_DATA_DIR", home.resolve("data").toString());
        env.put("OMNILUX_BUNDLES_DIR", bundles.toString());
        env.put("OMNILUX_CONFIG_DIR", config.toString());
        env.put("OMNILUX_ADMIN_PASSWORD", PASSWORD);
        Server server = new Server(home, port, pb.start());
        try {
            server.waitUntilHealthy();
            server.login();
        } catch (Exception e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void waitUntilHealthy() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited; see " + home.resolve("server.log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(uri("/api/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server is not healthy after 120 s; see " + home.resolve("server.log"));
    }

    private void login() throws Exception {
        JsonNode r = call("POST", "/api/auth/login", Map.of("username", "admin", "password", PASSWORD), 200);
        token = r.get("token").asText();
    }

    /** Adds a movie root, waiting (up to 60 s) for the scanner bundle to be picked up from the bundles folder. */
    long addRoot(Path dir) throws Exception {
        return addRoot(dir, "movie");
    }

    /** Adds a root of the type, waiting (up to 60 s) for its scanner bundle to be picked up. */
    long addRoot(Path dir, String mediaType) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            HttpResponse<String> r = send("POST", "/api/library/roots",
                    Map.of("path", dir.toString(), "name", dir.getFileName().toString(), "mediaType", mediaType));
            if (r.statusCode() == 201) {
                return JSON.readTree(r.body()).get("id").asLong();
            }
            if (r.statusCode() != 400 || System.nanoTime() > deadline) {
                throw new IllegalStateException("cannot add the root: " + r.statusCode() + " " + r.body());
            }
            Thread.sleep(250);
        }
    }

    /** The outcome of one scan job. */
    record Scan(JsonNode job, double clientSeconds, double serverSeconds) {
        long seen() {
            return job.get("filesSeen").asLong();
        }

        String summary() {
            return String.format("status %s, seen %d, added %d, updated %d, removed %d, failed %d",
                    job.get("status").asText(), seen(), job.get("filesAdded").asLong(),
                    job.get("filesUpdated").asLong(), job.get("filesRemoved").asLong(),
                    job.get("filesFailed").asLong());
        }
    }

    /**
     * Starts a scan of the root and polls until it ends, every 500 ms as the web interface does: each poll costs the
     * server a few milliseconds of CPU during the scan (authentication, two queries, JSON), which at 20 polls a
     * second was 4% of a warm music scan's CPU. The scan's time is the job's own, so polling less loses nothing.
     */
    Scan scan(long rootId) throws Exception {
        long start = System.nanoTime();
        JsonNode started = call("POST", "/api/library/scan", Map.of("rootId", rootId), 202);
        long jobId = started.get("jobId").asLong();
        while (true) {
            JsonNode job = call("GET", "/api/library/scan/" + jobId, null, 200);
            if (!"running".equals(job.get("status").asText())) {
                double client = (System.nanoTime() - start) / 1e9;
                double server = client;
                if (job.hasNonNull("startedAt") && job.hasNonNull("finishedAt")) {
                    server = Duration.between(Instant.parse(job.get("startedAt").asText()),
                            Instant.parse(job.get("finishedAt").asText())).toNanos() / 1e9;
                }
                if (!"completed".equals(job.get("status").asText())) {
                    throw new IllegalStateException("scan job ended " + job);
                }
                return new Scan(job, client, server);
            }
            Thread.sleep(500);
        }
    }

    JsonNode call(String method, String path, Object body, int expected) throws Exception {
        HttpResponse<String> r = send(method, path, body);
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " → " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> send(String method, String path, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * @return the server's process: the one started, or — when it was started without a heap option and so ran
     *         the server in a child JVM (see the launcher's HeapLimit) — that child
     */
    long pid() {
        return process.descendants()
                .filter(p -> p.info().arguments().map(a -> java.util.Arrays.stream(a)
                        .anyMatch(arg -> arg.startsWith("-Domnilux.launcher.pid="))).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(process.pid());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
