package org.omnilux.apitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The plugin developer kit as a stranger uses it, end to end: in a fresh folder outside the repository, generate a
 * project from {@code scanner-archetype}, build it with Maven (its example test and the conformance kit run), drop
 * the jar into a running server that has never heard of the {@code photo} media type, add a root of that type,
 * scan real image files and read them back through the API; then delete the jar: the type's root and files stay,
 * read-only, and a scan of the root is skipped with an error naming the type.
 *
 * <p>The nested Maven builds run offline in effect: their local repository is the archetype module's
 * {@code target/it-repo} (the archetype, the API, the test kit and their parent, put there by invoker:install),
 * and every remote repository is mirrored to the outer build's local repository, so they need nothing this build
 * has not fetched and never touch {@code ~/.m2}.
 */
class ArchetypePluginIT {

    private static final String GROUP_ID = "com.example";
    private static final String ARTIFACT_ID = "omnilux-photo-scanner";
    private static final String VERSION = "1.0.0";
    private static final String PACKAGE = "com.example.photo";
    private static final Duration MAVEN_TIMEOUT = Duration.ofMinutes(5);

    @Test
    void aPluginGeneratedFromTheArchetypeAddsANewMediaType() throws Exception {
        Path repoDir = Path.of(System.getProperty("omnilux.repo.dir", "..")).toAbsolutePath().normalize();
        Path itRepo = repoDir.resolve("scanner-archetype/target/it-repo");
        assertTrue(Files.isDirectory(itRepo.resolve("org/omnilux/omnilux-scanner-archetype")),
                "the archetype's IT repository is missing (build scanner-archetype to verify first): " + itRepo);
        Path work = Files.createTempDirectory("omnilux-plugin-");
        Map<String, Long> figures = new TreeMap<>();
        boolean passed = false;
        try {
            Path settings = writeSettings(work, itRepo);

            // 1. generate, as the plugin guide says
            long start = System.nanoTime();
            maven(work, settings, "generate", "org.apache.maven.plugins:maven-archetype-plugin:"
                    + archetypePluginVersion(repoDir) + ":generate", "-DinteractiveMode=false",
                    "-DarchetypeCatalog=local", "-DarchetypeGroupId=org.omnilux",
                    "-DarchetypeArtifactId=omnilux-scanner-archetype",
                    "-DarchetypeVersion=" + System.getProperty("omnilux.version", "0.1.0-SNAPSHOT"),
                    "-DgroupId=" + GROUP_ID, "-DartifactId=" + ARTIFACT_ID, "-Dversion=" + VERSION,
                    "-Dpackage=" + PACKAGE, "-DmediaType=photo");
            figures.put("generate ms", millisSince(start));
            Path project = work.resolve(ARTIFACT_ID);
            assertTrue(Files.isRegularFile(project.resolve("src/main/java/com/example/photo/internal/PhotoScanner.java")),
                    "the scanner class is named after the media type, in the package asked for");
            assertFalse(Files.readString(project.resolve("pom.xml")).contains("<parent>"),
                    "the generated project stands alone");

            // 2. build: compile, the example test, the conformance kit, the bundle
            start = System.nanoTime();
            maven(project, settings, "build", "verify");
            figures.put("build ms", millisSince(start));
            assertTestsPassed(project.resolve("target/surefire-reports"), "PhotoScannerTest", 4);
            assertTestsPassed(project.resolve("target/surefire-reports"), "PhotoScannerConformanceTest", 10);
            Path jar = project.resolve("target/" + ARTIFACT_ID + "-" + VERSION + ".jar");
            assertPluginBundle(jar);

            // 3. the running server, which knows no photo type yet
            try (OmniLuxServer server = OmniLuxServer.create("archetype-plugin", false)) {
                Path photos = server.home.resolve("media/photos");
                Path beach = image(photos.resolve("Holiday 2024/beach.jpg"), "jpeg", 640, 480);
                Path sunset = image(photos.resolve("Holiday 2024/sunset.png"), "png", 800, 600);
                Path cat = image(photos.resolve("cat.gif"), "gif", 300, 200);
                image(photos.resolve("icons/favicon.png"), "png", 16, 16);
                byte[] garbage = new byte[4096];
                new Random(5).nextBytes(garbage);
                Files.write(photos.resolve("broken.jpg"), garbage);
                Files.writeString(photos.resolve("notes.txt"), "not a photo");
                server.start();
                Api api = new Api(server);
                String admin = api.loginAdmin();
                String rootBody = Api.json("path", photos.toString(), "name", "Photos", "mediaType", "photo");
                assertTrue(api.post("/api/library/roots", admin, rootBody).assertProblem(400).contains("photo"));
                api.get("/api/library/files?mediaType=photo", admin).assertProblem(400);

                // drop the jar (copy, then rename) and wait until a root of the new type can be added
                long dropped = System.nanoTime();
                Path installed = server.installPlugin(jar, ARTIFACT_ID + "-" + VERSION + ".jar");
                JsonNode plugin = awaitPlugins(api, admin, plugins -> find(plugins, PACKAGE) != null
                        && "active".equals(find(plugins, PACKAGE).path("state").asText()));
                figures.put("drop to plugin active ms", millisSince(dropped));
                plugin = find(plugin, PACKAGE);
                assertEquals(VERSION, plugin.path("version").asText(), plugin.toString());
                assertEquals("[\"photo\"]", plugin.path("mediaTypes").toString(), plugin.toString());
                Api.Response created = awaitRootAdded(api, admin, rootBody);
                figures.put("drop to root of the new type added ms", millisSince(dropped));
                long rootId = created.json().path("id").asLong();
                assertEquals("photo", created.json().path("mediaType").asText());

                // scan real files
                start = System.nanoTime();
                JsonNode job = api.awaitJob(api.post("/api/library/scan", admin, Api.json("rootId", rootId)).json()
                        .path("jobId").asLong(), admin);
                figures.put("scan ms", millisSince(start));
                assertEquals("completed", job.path("status").asText(), job.toString());
                assertEquals(3, job.path("filesAdded").asLong(), "three photos; the icon is no item: " + job);
                assertEquals(1, job.path("filesFailed").asLong(), job.toString());
                assertTrue(job.path("errors").toString().contains("broken.jpg")
                        && job.path("errors").toString().contains("not a PNG, JPEG or GIF image"), job.toString());

                JsonNode page = api.get("/api/library/files?mediaType=photo&sort=title", admin).json();
                assertEquals(3, page.path("total").asLong(), page.toString());
                List<String> titles = new ArrayList<>();
                page.path("items").forEach(item -> titles.add(item.path("title").asText()));
                assertEquals(List.of("beach", "cat", "sunset"), titles);
                JsonNode beachItem = page.path("items").get(0);
                assertEquals("photo", beachItem.path("mediaType").asText());
                assertEquals("jpeg", beachItem.path("container").asText());
                assertEquals(Files.size(beach), beachItem.path("sizeBytes").asLong());
                assertEquals(640, beachItem.path("metadata").path("width").asInt(), beachItem.toString());
                assertEquals(480, beachItem.path("metadata").path("height").asInt(), beachItem.toString());
                assertEquals("Holiday 2024", beachItem.path("metadata").path("album").asText(), beachItem.toString());
                JsonNode catItem = page.path("items").get(1);
                assertEquals(300, catItem.path("metadata").path("width").asInt(), catItem.toString());
                assertTrue(catItem.path("metadata").path("album").isMissingNode(), catItem.toString());
                JsonNode detail = api.get("/api/library/files/" + page.path("items").get(2).path("id").asLong(), admin)
                        .json();
                assertEquals(800, detail.path("metadata").path("width").asInt(), detail.toString());
                assertEquals("png", detail.path("container").asText(), detail.toString());
                assertEquals(2, api.get("/api/library/files?search=holiday", admin).json().path("total").asLong(),
                        "a plugin's metadata is searched like any other");

                JsonNode stats = api.get("/api/library/stats", admin).json();
                assertEquals(3, stats.path("byMediaType").path("photo").path("count").asLong(), stats.toString());
                assertEquals(Files.size(beach) + Files.size(sunset) + Files.size(cat),
                        stats.path("byMediaType").path("photo").path("sizeBytes").asLong(), stats.toString());

                // a plugin-declared field is editable like a built-in one while the plugin is there
                long catId = catItem.path("id").asLong();
                Api.Response edited = api.put("/api/library/files/" + catId + "/metadata", admin,
                        Api.json("album", "Pets"));
                assertEquals(200, edited.status(), edited.raw().body());
                assertEquals("Pets", edited.json().path("metadata").path("album").asText());

                // 4. remove the jar: the type goes, its root and files stay, read-only
                long removed = System.nanoTime();
                Files.delete(installed);
                awaitPlugins(api, admin, plugins -> find(plugins, PACKAGE) == null);
                figures.put("removal to plugin gone ms", millisSince(removed));
                assertEquals(3, api.get("/api/library/files?mediaType=photo", admin).json().path("total").asLong());
                JsonNode root = find(api.get("/api/library/roots", admin).json(), rootId);
                assertEquals(3, root.path("fileCount").asLong(), root.toString());
                assertEquals(3, api.get("/api/library/stats", admin).json().path("byMediaType").path("photo")
                        .path("count").asLong());
                assertTrue(api.put("/api/library/files/" + catId + "/metadata", admin, Api.json("width", 1))
                        .assertProblem(409).contains("photo"), "its fields cannot be edited without the plugin");
                JsonNode skipped = api.awaitJob(api.post("/api/library/scan", admin, Api.json("rootId", rootId))
                        .json().path("jobId").asLong(), admin);
                assertEquals(0, skipped.path("filesRemoved").asLong(), skipped.toString());
                assertEquals(0, skipped.path("filesAdded").asLong(), skipped.toString());
                assertEquals(1, skipped.path("errors").size(), skipped.toString());
                String message = skipped.path("errors").get(0).path("message").asText();
                assertTrue(message.contains("media type photo") && message.contains("was removed"),
                        "the error names the type and the plugin that left: " + skipped);
                assertEquals(3, api.get("/api/library/files?rootId=" + rootId, admin).json().path("total").asLong(),
                        "files of a type whose plugin left are never deleted");
                assertNull(find(api.get("/api/plugins", admin).json(), PACKAGE));
            }
            passed = true;
        } finally {
            System.out.println("ArchetypePluginIT figures: " + figures + (passed ? "" : "; work folder kept: " + work));
            if (passed) {
                TestFiles.deleteRecursively(work);
            }
        }
    }

    // ---- Maven

    /**
     * Settings for the nested builds: the archetype's IT repository as the local repository, and the outer build's
     * local repository as a file mirror of every remote one (checksums are not there to check: ignored).
     */
    private static Path writeSettings(Path work, Path itRepo) throws IOException {
        String m2 = Path.of(System.getProperty("omnilux.m2.repository",
                System.getProperty("user.home") + "/.m2/repository")).toUri().toString();
        String policy = "<releases><checksumPolicy>ignore</checksumPolicy></releases>"
                + "<snapshots><checksumPolicy>ignore</checksumPolicy></snapshots>";
        String settings = "<settings>\n"
                + "  <localRepository>" + itRepo + "</localRepository>\n"
                + "  <mirrors><mirror><id>omnilux-outer-build</id><mirrorOf>*</mirrorOf><url>" + m2 + "</url></mirror></mirrors>\n"
                + "  <profiles><profile><id>outer-build</id>\n"
                + "    <repositories><repository><id>central</id><url>" + m2 + "</url>" + policy + "</repository></repositories>\n"
                + "    <pluginRepositories><pluginRepository><id>central</id><url>" + m2 + "</url>" + policy
                + "</pluginRepository></pluginRepositories>\n"
                + "  </profile></profiles>\n"
                + "  <activeProfiles><activeProfile>outer-build</activeProfile></activeProfiles>\n"
                + "</settings>\n";
        return Files.writeString(work.resolve("settings.xml"), settings);
    }

    /** The archetype plugin version the archetype module builds with, so the nested build finds it locally. */
    private static String archetypePluginVersion(Path repoDir) throws IOException {
        Matcher version = Pattern.compile("<archetype\\.version>([^<]+)</archetype\\.version>")
                .matcher(Files.readString(repoDir.resolve("scanner-archetype/pom.xml")));
        assertTrue(version.find(), "archetype.version in scanner-archetype/pom.xml");
        return version.group(1);
    }

    private static void maven(Path directory, Path settings, String name, String... args)
            throws IOException, InterruptedException {
        String home = System.getProperty("maven.home");
        String mvn = home == null || home.isBlank() ? "mvn" : Path.of(home, "bin", "mvn").toString();
        List<String> command = new ArrayList<>(List.of(mvn, "-B", "-s", settings.toString()));
        command.addAll(Arrays.asList(args));
        Path log = settings.getParent().resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("MAVEN_ARGS");
        Process process = builder.start();
        if (!process.waitFor(MAVEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("mvn " + name + " did not finish in " + MAVEN_TIMEOUT + "; log:\n" + tail(log));
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("mvn " + name + " failed (" + process.exitValue() + "): " + command + "\n"
                    + tail(log));
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    /** The surefire report of a test class: it ran at least {@code minimum} tests, none failed or was skipped. */
    private static void assertTestsPassed(Path reports, String testClass, int minimum) throws IOException {
        Path report = reports.resolve("TEST-" + PACKAGE + ".internal." + testClass + ".xml");
        assertTrue(Files.isRegularFile(report), "no surefire report " + report);
        String head = Files.readString(report);
        head = head.substring(0, head.indexOf('>', head.indexOf("<testsuite")));
        assertTrue(attribute(head, "tests") >= minimum, testClass + " ran too few tests: " + head);
        assertEquals(0, attribute(head, "failures") + attribute(head, "errors") + attribute(head, "skipped"),
                testClass + ": " + head);
    }

    private static int attribute(String element, String name) {
        Matcher value = Pattern.compile("\\s" + name + "=\"(\\d+)\"").matcher(element);
        assertTrue(value.find(), name + " in " + element);
        return Integer.parseInt(value.group(1));
    }

    /** A bundle that imports the OmniLux API only, exports and embeds nothing, and declares its DS component. */
    private static void assertPluginBundle(Path jar) throws IOException {
        assertTrue(Files.isRegularFile(jar), "no bundle built: " + jar);
        try (JarFile bundle = new JarFile(jar.toFile())) {
            Attributes manifest = bundle.getManifest().getMainAttributes();
            assertEquals(PACKAGE, manifest.getValue("Bundle-SymbolicName"));
            assertEquals(VERSION, manifest.getValue("Bundle-Version"));
            assertNull(manifest.getValue("Export-Package"), "a plugin exports nothing");
            assertNull(manifest.getValue("Bundle-ClassPath"), "a plugin embeds no libraries");
            assertNull(manifest.getValue("DynamicImport-Package"));
            List<String> imports = clauses(manifest.getValue("Import-Package"));
            assertFalse(imports.isEmpty());
            for (String clause : imports) {
                assertTrue(clause.startsWith("org.omnilux.api."), "imports only the OmniLux API: " + imports);
            }
            // the SPI package is 1.1 (ScanContext.perFolder): a plugin built now needs a 1.1 server, then any 1.x
            assertTrue(imports.contains("org.omnilux.api.scanner;version=\"[1.1,2)\""),
                    "a consumer of the SPI accepts every later 1.x API: " + imports);
            assertTrue(manifest.getValue("Service-Component").contains("PhotoScanner"));
            List<String> entries = Collections.list(bundle.entries()).stream().map(JarEntry::getName).toList();
            assertTrue(entries.stream().noneMatch(name -> name.endsWith(".jar") || name.startsWith("org/omnilux/")),
                    "nothing embedded: " + entries);
        }
    }

    /** Splits a manifest header on the commas outside quotes. */
    private static List<String> clauses(String header) {
        List<String> clauses = new ArrayList<>();
        if (header == null) {
            return clauses;
        }
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                clauses.add(clause.toString().trim());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        clauses.add(clause.toString().trim());
        return clauses;
    }

    // ---- server

    private static JsonNode awaitPlugins(Api api, String token, Predicate<JsonNode> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode plugins = null;
        while (System.nanoTime() < deadline) {
            plugins = api.get("/api/plugins", token).json();
            if (condition.test(plugins)) {
                return plugins;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("plugins never reached the expected state: " + plugins);
    }

    /** Adds the root as soon as the server takes its media type. */
    private static Api.Response awaitRootAdded(Api api, String token, String body) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Api.Response response = null;
        while (System.nanoTime() < deadline) {
            response = api.post("/api/library/roots", token, body);
            if (response.status() == 201) {
                return response;
            }
            response.assertProblem(400);
            Thread.sleep(25);
        }
        throw new AssertionError("the root of the new type was never accepted: " + response.raw().body());
    }

    private static JsonNode find(JsonNode array, String pluginId) {
        for (JsonNode node : array) {
            if (pluginId.equals(node.path("id").asText())) {
                return node;
            }
        }
        return null;
    }

    private static JsonNode find(JsonNode array, long id) {
        for (JsonNode node : array) {
            if (node.path("id").asLong() == id) {
                return node;
            }
        }
        throw new AssertionError("no id " + id + " in " + array);
    }

    /** A real image file written by the JDK's encoder. */
    private static Path image(Path file, String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(200, 120, 40));
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        Files.createDirectories(file.getParent());
        assertTrue(ImageIO.write(image, format, file.toFile()), "an ImageIO writer for " + format);
        return file;
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
