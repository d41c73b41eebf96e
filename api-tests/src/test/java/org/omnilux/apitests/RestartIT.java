package org.omnilux.apitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** What survives a stop, a crash and a first start without a configured password. */
class RestartIT {

    @Test
    void firstStartWithoutPasswordWritesAPrivatePasswordFile() throws Exception {
        try (OmniLuxServer server = OmniLuxServer.create("first-start", false)) {
            server.adminPassword = null;
            server.start();
            Path file = server.dataDir.resolve("initial-admin-password");
            assertTrue(Files.isRegularFile(file), "initial password file written by the time the API is up");
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(file), "mode 0600");
            String password = Files.readString(file).trim();
            assertTrue(password.length() >= 12, "a strong generated password");
            Api api = new Api(server);
            assertEquals("admin", api.post("/api/auth/login", null, Api.json("username", "admin", "password", password))
                    .json().path("role").asText());
            assertTrue(server.logText().contains(password), "printed once to the log");
        }
    }

    @Test
    void aSecondServerOnTheSameDataFolderOrPortExitsWithAClearError() throws Exception {
        try (OmniLuxServer server = OmniLuxServer.create("single", false)) {
            server.start();
            Path other = server.home.resolve("other-data");
            String sameData = runSecondServer(server, server.dataDir, 0);
            assertTrue(sameData.contains("another OmniLux server is using the data folder"), sameData);
            String samePort = runSecondServer(server, other, server.port);
            assertTrue(samePort.contains("cannot listen on 127.0.0.1:" + server.port), samePort);
            assertEquals(200, new Api(server).get("/api/health", null).status(), "the first server is unharmed");
        }
    }

    /** Starts another server beside the running one; it must exit with 1 at once. Returns its output. */
    private static String runSecondServer(OmniLuxServer running, Path dataDir, int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of(System.getProperty("omnilux.jar", "../runtime/target/omnilux.jar")).toAbsolutePath().toString())
                .directory(running.home.toFile()).redirectErrorStream(true);
        builder.environment().put("OMNILUX_DATA_DIR", dataDir.toString());
        builder.environment().put("OMNILUX_BUNDLES_DIR", running.bundlesDir.toString());
        builder.environment().put("OMNILUX_HOST", "127.0.0.1");
        builder.environment().put("OMNILUX_PORT", String.valueOf(port == 0 ? running.port + 1 : port));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "exits at once");
        assertEquals(1, process.exitValue(), output);
        return output;
    }

    @Test
    void libraryUsersAndTokensSurviveARestartAndACrash() throws Exception {
        try (OmniLuxServer server = OmniLuxServer.create("restart", true)) {
            Path movies = server.home.resolve("media/movies");
            TestFiles.video(movies.resolve("Alien (1979)/Alien (1979).mkv"), 320, 240);
            server.start();
            long firstHealthyMs = System.currentTimeMillis() - server.startMillis;
            Api api = new Api(server);
            String admin = api.loginAdmin();
            long rootId = api.post("/api/library/roots", admin, Api.json("path", movies.toString(), "name", "Movies", "mediaType", "movie")).json().path("id").asLong();
            api.awaitJob(api.post("/api/library/scan", admin, "{}").json().path("jobId").asLong(), admin);
            long fileId = api.get("/api/library/files", admin).json().path("items").get(0).path("id").asLong();
            assertEquals(200, api.put("/api/library/files/" + fileId + "/metadata", admin, "{\"overview\": \"In space no one can hear you scream.\"}").status());
            assertEquals(201, api.post("/api/users", admin, Api.json("username", "guest", "password", "guest-pass-1", "role", "user")).status());

            int exit = server.stop();
            assertTrue(exit == 0 || exit == 143, "clean exit on SIGTERM, got " + exit);
            assertTrue(server.logText().contains("OmniLux stopped"));

            server.start();
            System.out.printf("[measure] first start to healthy: %d ms; restart to healthy: %d ms%n", firstHealthyMs,
                    System.currentTimeMillis() - server.startMillis);
            assertEquals(200, api.get("/api/library/roots", admin).status(), "tokens survive a restart");
            JsonNode file = api.get("/api/library/files/" + fileId, admin).json();
            assertEquals("Alien", file.path("title").asText());
            assertEquals("In space no one can hear you scream.", file.path("metadata").path("overview").asText());
            assertTrue(file.path("lockedFields").toString().contains("overview"));
            api.login("guest", "guest-pass-1");

            // a crash in the middle of a scan: the next start marks the job failed and keeps the library
            long jobId = api.post("/api/library/scan", admin, Api.json("rootId", rootId)).json().path("jobId").asLong();
            server.kill();
            server.start();
            JsonNode job = api.get("/api/library/scan/" + jobId, admin).json();
            assertTrue(Set.of("completed", "failed").contains(job.path("status").asText()), job.toString());
            assertEquals(1, api.get("/api/library/files", admin).json().path("total").asLong());
        }
    }
}
