package org.omnilux.apitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Broken plugins dropped into a running server show in {@code /api/plugins} with their real state and a reason,
 * next to a working scanner that stays active; removing them takes them off the list.
 */
class PluginStatesIT {

    @Test
    void brokenPluginsReportWhyAndGoAway() throws Exception {
        try (OmniLuxServer server = OmniLuxServer.create("plugin-states", true)) {
            server.start();
            Api api = new Api(server);
            String admin = api.loginAdmin();
            JsonNode movie = await(api, admin, p -> plugin(p, "org.omnilux.scanner.movie") != null);
            assertEquals("active", plugin(movie, "org.omnilux.scanner.movie").path("state").asText(), movie.toString());
            assertTrue(plugin(movie, "org.omnilux.scanner.movie").path("reason").isNull(), movie.toString());

            Path work = Files.createDirectories(server.home.resolve("jars"));
            Path unresolvable = jar(work.resolve("unresolvable.jar"), Map.of(
                    "Bundle-SymbolicName", "test.broken.resolve",
                    "Bundle-Version", "1.0.0",
                    "Import-Package", "org.omnilux.api.scanner;version=\"[9.0,10)\""), Map.<String, byte[]>of());
            // a DS component whose constructor throws, compiled here with the JDK's compiler
            Path src = Files.createDirectories(work.resolve("src/test/broken")).resolve("Boom.java");
            Files.writeString(src, """
                    package test.broken;
                    public class Boom {
                        public Boom() {
                            throw new IllegalStateException("boom from the constructor");
                        }
                    }
                    """);
            Path classes = Files.createDirectories(work.resolve("classes"));
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            assertEquals(0, javac.run(null, null, null, "--release", "17", "-d", classes.toString(), src.toString()), "javac");
            Path failing = jar(work.resolve("failing.jar"), Map.of(
                    "Bundle-SymbolicName", "test.broken.activate",
                    "Bundle-Version", "1.0.0",
                    "Service-Component", "OSGI-INF/x.xml"), Map.of("OSGI-INF/x.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="test.broken.component" immediate="true">
                      <implementation class="test.broken.Boom"/>
                    </scr:component>
                    """.getBytes(StandardCharsets.UTF_8),
                    "test/broken/Boom.class", Files.readAllBytes(classes.resolve("test/broken/Boom.class"))));
            Path installedUnresolvable = server.installPlugin(unresolvable, "test-broken-resolve.jar");
            Path installedFailing = server.installPlugin(failing, "test-broken-activate.jar");

            JsonNode plugins = await(api, admin, p -> hasState(p, "test.broken.resolve", "failed to resolve")
                    && hasState(p, "test.broken.activate", "failed to activate"));
            JsonNode resolve = plugin(plugins, "test.broken.resolve");
            String resolveReason = resolve.path("reason").asText();
            assertTrue(resolveReason.contains("org.omnilux.api.scanner") && resolveReason.contains("9.0"), resolve.toString());
            assertEquals(0, resolve.path("mediaTypes").size(), resolve.toString());
            assertEquals("1.0.0", resolve.path("version").asText(), resolve.toString());
            JsonNode activate = plugin(plugins, "test.broken.activate");
            assertTrue(activate.path("reason").asText().contains("boom from the constructor"), activate.toString());
            assertEquals(0, activate.path("mediaTypes").size(), activate.toString());
            assertEquals("active", plugin(plugins, "org.omnilux.scanner.movie").path("state").asText(), plugins.toString());
            assertEquals(200, api.get("/api/health", null).status());
            assertEquals(200, api.get("/api/library/roots", admin).status());

            Files.delete(installedUnresolvable);
            Files.delete(installedFailing);
            JsonNode after = await(api, admin, p -> plugin(p, "test.broken.resolve") == null
                    && plugin(p, "test.broken.activate") == null);
            assertEquals(1, after.size(), after.toString());
            assertEquals("active", plugin(after, "org.omnilux.scanner.movie").path("state").asText(), after.toString());
            assertEquals(200, api.get("/api/health", null).status());
        }
    }

    private static boolean hasState(JsonNode plugins, String id, String state) {
        JsonNode p = plugin(plugins, id);
        return p != null && state.equals(p.path("state").asText());
    }

    private static JsonNode plugin(JsonNode plugins, String id) {
        for (JsonNode p : plugins) {
            if (id.equals(p.path("id").asText())) {
                return p;
            }
        }
        return null;
    }

    private static JsonNode await(Api api, String token, Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode plugins = null;
        while (System.nanoTime() < deadline) {
            Api.Response r = api.get("/api/plugins", token);
            assertEquals(200, r.status(), () -> r.raw().body());
            plugins = r.json();
            if (condition.test(plugins)) {
                return plugins;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("plugins never reached the expected state: " + plugins);
    }

    /** A bundle jar made with the JDK alone: these headers (plus Bundle-ManifestVersion 2) and these files. */
    private static Path jar(Path path, Map<String, String> headers, Map<String, byte[]> files) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        headers.forEach(main::putValue);
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                jar.putNextEntry(new JarEntry(f.getKey()));
                jar.write(f.getValue());
                jar.closeEntry();
            }
        }
        return path;
    }
}
