package org.omnilux.apitests;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real server, started as a user starts it ({@code java -jar omnilux.jar}) on a free loopback port, with its
 * own data, bundles and config folders under {@code target/it-work/<name>}.
 */
final class OmniLuxServer implements AutoCloseable {

    static final String ADMIN_PASSWORD = "admin-secret-42";

    final Path home;
    final Path dataDir;
    final Path bundlesDir;
    final Path log;
    final int port;
    /** The password for the first-start admin, or {@code null} to let the server generate one. */
    String adminPassword = ADMIN_PASSWORD;
    /** The configuration folder: the repository's {@code config/} unless a test gives the server its own. */
    Path configDir = Path.of(System.getProperty("omnilux.config.dir", "../config")).toAbsolutePath();
    private Process process;
    long startMillis;

    private OmniLuxServer(Path home, int port) {
        this.home = home;
        this.dataDir = home.resolve("data");
        this.bundlesDir = home.resolve("bundles");
        this.log = home.resolve("server.log");
        this.port = port;
    }

    /** A fresh server home (wiped) with the movie scanner installed when {@code withMovieScanner}. */
    static OmniLuxServer create(String name, boolean withMovieScanner) throws IOException {
        Path home = Path.of(System.getProperty("omnilux.work.dir", "target/it-work")).resolve(name).toAbsolutePath();
        TestFiles.deleteRecursively(home);
        Files.createDirectories(home.resolve("bundles"));
        OmniLuxServer server = new OmniLuxServer(home, freePort());
        if (withMovieScanner) {
            server.installScanner("movie");
        }
        return server;
    }

    /**
     * Gives the server a config folder of its own, {@code home/config}, holding copies of the repository's files, so
     * that a test can add, change and delete {@code .cfg} files while the server runs.
     */
    Path ownConfigDir() throws IOException {
        Path shipped = Path.of(System.getProperty("omnilux.config.dir", "../config"));
        configDir = Files.createDirectories(home.resolve("config"));
        try (var files = Files.list(shipped)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, configDir.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return configDir;
    }

    static Path movieScannerJar() {
        return scannerJar("movie");
    }

    /** The jar the build made of {@code scanner-<type>/}. */
    static Path scannerJar(String type) {
        String artifact = "omnilux-scanner-" + type;
        Path jar = Path.of(System.getProperty("omnilux.repo.dir", ".."), "scanner-" + type, "target",
                artifact + "-" + System.getProperty("omnilux.version", "0.1.0-SNAPSHOT") + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(type + " scanner jar missing: " + jar + " (build the reactor first)");
        }
        return jar;
    }

    /** Installs the shipped scanner of a media type under the name the build gives it in the bundles folder. */
    Path installScanner(String type) throws IOException {
        return installPlugin(scannerJar(type), "omnilux-scanner-" + type + ".jar");
    }

    /** Copies a plugin jar into the bundles folder the way a user should: copy, then rename. */
    Path installPlugin(Path jar, String fileName) throws IOException {
        Path temp = bundlesDir.resolve("." + fileName + ".part");
        Files.copy(jar, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return Files.move(temp, bundlesDir.resolve(fileName), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Starts the server and waits until {@code /api/health} answers 200 (at most 60 s). */
    OmniLuxServer start() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("omnilux.jar", "../runtime/target/omnilux.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("server jar missing: " + jar + " (build the runtime module first)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("OMNILUX_PORT", String.valueOf(port));
        env.put("OMNILUX_HOST", "127.0.0.1");
        env.put("OMNILUX_DATA_DIR", dataDir.toString());
        env.put("OMNILUX_BUNDLES_DIR", bundlesDir.toString());
        env.put("OMNILUX_CONFIG_DIR", configDir.toString());
        env.remove("OMNILUX_ADMIN_PASSWORD");
        if (adminPassword != null) {
            env.put("OMNILUX_ADMIN_PASSWORD", adminPassword);
        }
        startMillis = System.currentTimeMillis();
        process = builder.start();
        waitUntilHealthy(Duration.ofSeconds(60));
        return this;
    }

    /** Milliseconds from process start to the first 200 of {@code /api/health}. */
    long waitUntilHealthy(Duration timeout) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + "; log:\n" + logText());
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/api/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return System.currentTimeMillis() - startMillis;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("server not healthy after " + timeout + "; log:\n" + logText());
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Stops the server as an operator does (SIGTERM) and returns its exit code. */
    int stop() throws InterruptedException {
        if (process == null) {
            return -1;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    /** Kills the server without letting it clean up (SIGKILL), as a crash would. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (isAlive()) {
            stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
