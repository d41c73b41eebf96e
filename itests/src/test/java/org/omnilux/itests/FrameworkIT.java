package org.omnilux.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.omnilux.api.scanner.MediaScanner;
import org.omnilux.api.scanner.MediaTypeDescriptor;
import org.omnilux.api.scanner.ScannerDescriptor;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Boots Felix with the real bundle set: every system bundle the runtime ships
 * ({@code runtime/target/classes/system/<start level>/*.jar}, at its start level, in the launcher's order) plus
 * the movie scanner, with the launcher's framework properties; then checks the wiring from inside the framework
 * and the HTTP API over a real loopback socket.
 *
 * <p>The {@link Configuration} method runs in the test JVM; the test methods run inside the framework, in the
 * probe bundle, so everything they need reaches them as framework properties.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class FrameworkIT {

    private static final String ADMIN_PASSWORD = "itest-Admin-Passw0rd";
    private static final String SCANNER_BSN = "org.omnilux.scanner.movie";
    private static final List<String> OMNILUX_BSNS =
            List.of("org.omnilux.api", "org.omnilux.core", "org.omnilux.rest", SCANNER_BSN);
    /** Framework property carrying the provisioned bundle locations (comma-separated) into the probe. */
    private static final String LOCATIONS_PROPERTY = "omnilux.itest.locations";
    private static final String PORT_PROPERTY = "org.osgi.service.http.port";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why {@code /api/health} never came up, once it has failed (inside the framework). */
    private static volatile String healthFailure;

    @Inject
    private BundleContext context;

    // ---------------------------------------------------------------------------------------------------------
    // the framework (runs in the test JVM)

    @Configuration
    public Option[] configuration() throws IOException {
        Path systemDir = requiredPath("omnilux.itest.systemDir");
        if (!Files.isDirectory(systemDir)) {
            throw new IllegalStateException("No system bundles at " + systemDir + ": build the runtime module first ("
                    + "mvn -DskipTests install -pl api-bundle,core,rest,scanner-movie,runtime)");
        }
        Path scannerJar = requiredPath("omnilux.itest.scannerJar");
        if (!Files.isRegularFile(scannerJar)) {
            throw new IllegalStateException("No movie scanner jar at " + scannerJar
                    + ": build the scanner-movie module first (mvn -DskipTests install -pl scanner-movie)");
        }
        Path workDir = requiredPath("omnilux.itest.workDir");
        deleteRecursively(workDir);
        Path dataDir = Files.createDirectories(workDir.resolve("data"));
        Path bundlesDir = Files.createDirectories(workDir.resolve("bundles"));
        Path configDir = Files.createDirectories(workDir.resolve("config"));

        List<Option> options = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        for (Path levelDir : startLevelDirs(systemDir)) {
            int level = Integer.parseInt(levelDir.getFileName().toString());
            for (Path jar : jars(levelDir)) {
                String location = jar.toUri().toString();
                // Pax Exam starts every bundle it is told to; a fragment cannot be started
                options.add(bundle(location).startLevel(level).start(!isFragment(jar)));
                locations.add(location);
            }
        }
        if (locations.isEmpty()) {
            throw new IllegalStateException("No system bundles under " + systemDir + ": build the runtime module first");
        }
        // the launcher's plugin start level: after the core
        String scannerLocation = scannerJar.toUri().toString();
        options.add(bundle(scannerLocation).startLevel(3));
        locations.add(scannerLocation);

        options.add(junitBundles());
        // As the launcher does: the bundles log through the slf4j of the JVM's class path (here the test JVM's
        // slf4j 2.0.17 + logback). Pax Exam's own helper bundles import org.slf4j [1.4,2): the same package is
        // also exported as 1.7.36 (slf4j 2's API is a superset of 1.7's for callers), instead of installing
        // pax-logging-api as a second, competing org.slf4j provider (see exam.properties).
        options.add(systemPackages(
                "org.slf4j;version=2.0.17", "org.slf4j.spi;version=2.0.17", "org.slf4j.event;version=2.0.17",
                "org.slf4j.helpers;version=2.0.17", "org.slf4j;version=1.7.36"));

        int port = freePort();
        Map<String, String> props = new LinkedHashMap<>();
        props.put(PORT_PROPERTY, String.valueOf(port));
        props.put("org.apache.felix.http.host", "127.0.0.1");
        props.put("org.apache.felix.http.jetty.sendServerHeader", "false");
        props.put("felix.fileinstall.dir", bundlesDir + "," + configDir);
        props.put("felix.fileinstall.filter", ".*\\.(jar|cfg)");
        props.put("felix.fileinstall.poll", "1000");
        props.put("felix.fileinstall.noInitialDelay", "true");
        props.put("felix.fileinstall.start.level", "3");
        props.put("felix.fileinstall.bundles.new.start", "true");
        props.put("felix.fileinstall.enableConfigSave", "false");
        props.put("felix.fileinstall.optionalImportRefreshScope", "managed");
        props.put("omnilux.data.dir", dataDir.toString());
        props.put("omnilux.bundles.dir", bundlesDir.toString());
        props.put("omnilux.config.dir", configDir.toString());
        props.put("omnilux.admin.password", ADMIN_PASSWORD);
        props.put(LOCATIONS_PROPERTY, String.join(",", locations));
        props.forEach((key, value) -> options.add(frameworkProperty(key).value(value)));
        return options.toArray(new Option[0]);
    }

    private static Path requiredPath(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("System property " + property + " is not set: run this test through "
                    + "Maven (mvn -pl itests verify) after building the runtime module first");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    /** {@code system/1}, {@code system/2}, …: numerically, as the launcher installs them. */
    private static List<Path> startLevelDirs(Path systemDir) throws IOException {
        try (Stream<Path> dirs = Files.list(systemDir)) {
            return dirs.filter(Files::isDirectory)
                    .filter(dir -> dir.getFileName().toString().matches("\\d+"))
                    .sorted(Comparator.comparingInt(dir -> Integer.parseInt(dir.getFileName().toString())))
                    .collect(Collectors.toList());
        }
    }

    private static List<Path> jars(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .sorted(Comparator.comparing(file -> file.getFileName().toString()))
                    .collect(Collectors.toList());
        }
    }

    private static boolean isFragment(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null
                    && file.getManifest().getMainAttributes().getValue(Constants.FRAGMENT_HOST) != null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // the tests (run inside the framework)

    @Test
    public void a_everyProvisionedBundleIsActive() {
        List<String> expected = Arrays.asList(context.getProperty(LOCATIONS_PROPERTY).split(","));
        List<String> problems = new ArrayList<>();
        for (String location : expected) {
            Bundle bundle = context.getBundle(location);
            if (bundle == null) {
                problems.add(location + ": not installed");
                continue;
            }
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            int wanted = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getState() != wanted) {
                problems.add(bundle.getSymbolicName() + " " + bundle.getVersion() + " is " + stateName(bundle.getState())
                        + whyNotActive(bundle, fragment));
            }
        }
        Set<String> installed = Arrays.stream(context.getBundles()).map(Bundle::getSymbolicName)
                .collect(Collectors.toCollection(TreeSet::new));
        for (String bsn : OMNILUX_BSNS) {
            if (!installed.contains(bsn)) {
                problems.add(bsn + ": missing from the provisioned bundles (not in the runtime's system folder?)");
            }
        }
        assertTrue("Bundles not active (" + problems.size() + " of " + expected.size() + "):\n  "
                + String.join("\n  ", problems), problems.isEmpty());
    }

    /**
     * A bundle can be ACTIVE while its components are not: an unsatisfied reference or a throwing
     * {@code @Activate} leaves services missing and shows nowhere else. Polled, because parts of the core come
     * up off the start thread.
     */
    @Test
    public void b_everyOmniluxComponentIsSatisfied() throws InterruptedException {
        ServiceTracker<ServiceComponentRuntime, ServiceComponentRuntime> tracker =
                new ServiceTracker<>(context, ServiceComponentRuntime.class, null);
        tracker.open();
        try {
            ServiceComponentRuntime scr = tracker.waitForService(WAIT.toMillis());
            assertNotNull("no ServiceComponentRuntime: is SCR active?", scr);
            Bundle[] omnilux = Arrays.stream(context.getBundles())
                    .filter(bundle -> OMNILUX_BSNS.contains(bundle.getSymbolicName()))
                    .toArray(Bundle[]::new);
            long deadline = System.nanoTime() + WAIT.toNanos();
            List<String> problems;
            int components;
            do {
                problems = new ArrayList<>();
                components = 0;
                for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(omnilux)) {
                    components++;
                    if (!scr.isComponentEnabled(description)) {
                        continue;
                    }
                    for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                        if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                            problems.add(description.name + " (" + description.bundle.symbolicName
                                    + ") has unsatisfied references " + Arrays.stream(configuration.unsatisfiedReferences)
                                            .map(reference -> reference.name + " " + reference.target)
                                            .collect(Collectors.toList()));
                        } else if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                            problems.add(description.name + " (" + description.bundle.symbolicName
                                    + ") failed to activate: " + configuration.failure);
                        }
                    }
                }
                if (problems.isEmpty() || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(250);
            } while (true);
            assertTrue("no DS components found in the OmniLux bundles", components > 0);
            assertTrue("OmniLux components not satisfied after " + WAIT.toSeconds() + " s:\n  "
                    + String.join("\n  ", problems), problems.isEmpty());
        } finally {
            tracker.close();
        }
    }

    @Test
    public void c_movieScannerServiceDeclaresMovie() throws Exception {
        ServiceTracker<MediaScanner, MediaScanner> tracker = new ServiceTracker<>(context, MediaScanner.class, null);
        tracker.open();
        try {
            assertNotNull("no MediaScanner service within " + WAIT.toSeconds() + " s",
                    tracker.waitForService(WAIT.toMillis()));
            ServiceReference<MediaScanner> movie = null;
            for (ServiceReference<MediaScanner> reference : tracker.getServiceReferences()) {
                if (SCANNER_BSN.equals(reference.getBundle().getSymbolicName())) {
                    movie = reference;
                }
            }
            assertNotNull("no MediaScanner registered by " + SCANNER_BSN, movie);
            ScannerDescriptor descriptor = tracker.getService(movie).descriptor();
            assertNotNull("descriptor() returned null", descriptor);
            List<String> types = descriptor.mediaTypes.stream().map(type -> type.name).collect(Collectors.toList());
            assertTrue("the movie scanner's media types are " + types, types.contains("movie"));
            for (MediaTypeDescriptor type : descriptor.mediaTypes) {
                assertNotNull("media type " + type.name + " has null fields", type.fields);
            }
        } finally {
            tracker.close();
        }
    }

    @Test
    public void d_healthAnswersUpOverHttp() throws Exception {
        JsonNode health = awaitHealthy();
        assertEquals("UP", health.path("status").asText());
    }

    @Test
    public void e_adminLogsInAndSeesTheMovieScanner() throws Exception {
        awaitHealthy();
        String token = login("admin", ADMIN_PASSWORD);

        HttpResponse<String> response = send(get("/api/plugins").header("Authorization", "Bearer " + token));
        assertEquals("GET /api/plugins: " + abbreviate(response.body()), 200, response.statusCode());
        JsonNode plugins = JSON.readTree(response.body());
        assertTrue("GET /api/plugins is not an array: " + abbreviate(response.body()), plugins.isArray());
        JsonNode movie = null;
        for (JsonNode plugin : plugins) {
            if (SCANNER_BSN.equals(plugin.path("id").asText())) {
                movie = plugin;
            }
        }
        assertNotNull("the movie scanner " + SCANNER_BSN + " is not listed: " + abbreviate(response.body()), movie);
        List<String> types = new ArrayList<>();
        movie.path("mediaTypes").forEach(type -> types.add(type.asText()));
        assertTrue("listed media types of the movie scanner: " + types, types.contains("movie"));
        assertEquals("state of the movie scanner: " + movie, "active", movie.path("state").asText());
        assertFalse("no version listed: " + movie, movie.path("version").asText().isBlank());
    }

    @Test
    public void f_loginRejectsAWrongPasswordAndPluginsNeedAToken() throws Exception {
        awaitHealthy();
        HttpResponse<String> wrong = send(post("/api/auth/login", credentials("admin", "not-" + ADMIN_PASSWORD)));
        assertEquals("login with a wrong password: " + abbreviate(wrong.body()), 401, wrong.statusCode());

        HttpResponse<String> anonymous = send(get("/api/plugins"));
        assertEquals("GET /api/plugins without a token: " + abbreviate(anonymous.body()), 401, anonymous.statusCode());
        assertTrue("401 without WWW-Authenticate: Bearer: " + anonymous.headers().map(),
                anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers (inside the framework)

    private String whyNotActive(Bundle bundle, boolean fragment) {
        if (fragment || bundle.getState() == Bundle.UNINSTALLED) {
            return "";
        }
        try {
            // repeats the resolution (or the activator) to get its error: Felix only logged it
            bundle.start();
            return " (started on a second attempt: " + stateName(bundle.getState()) + ")";
        } catch (BundleException | RuntimeException e) {
            StringBuilder why = new StringBuilder(": ").append(e.getMessage());
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                why.append(" <- ").append(cause);
            }
            return why.toString();
        }
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "state " + state;
        };
    }

    /** Created on first use: the {@link Configuration} method runs on an instance in the test JVM too. */
    private HttpClient http;

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + context.getProperty(PORT_PROPERTY) + path);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 400 ? flat : flat.substring(0, 400) + "…";
    }

    private static String credentials(String username, String password) throws IOException {
        return JSON.writeValueAsString(Map.of("username", username, "password", password));
    }

    /**
     * Polls {@code GET /api/health} until it answers 200 with status UP, at most {@link #WAIT}. Once that has
     * failed, the later tests fail at once with the same message instead of waiting again (static state lives
     * as long as the probe bundle, that is the whole class with {@link PerClass}).
     */
    private JsonNode awaitHealthy() throws Exception {
        if (healthFailure != null) {
            fail("(as in an earlier test) " + healthFailure);
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = "no answer";
        while (true) {
            try {
                HttpResponse<String> response = send(get("/api/health"));
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200) {
                    JsonNode body = JSON.readTree(response.body());
                    if ("UP".equals(body.path("status").asText())) {
                        System.out.println("FrameworkIT: GET /api/health answered " + abbreviate(response.body()));
                        return body;
                    }
                }
            } catch (IOException e) {
                last = e.toString();
            }
            if (System.nanoTime() > deadline) {
                healthFailure = "GET " + uri("/api/health") + " did not answer 200 {\"status\":\"UP\"} within "
                        + WAIT.toSeconds() + " s; last answer: " + abbreviate(last);
                fail(healthFailure);
            }
            Thread.sleep(250);
        }
    }

    private String login(String username, String password) throws Exception {
        HttpResponse<String> response = send(post("/api/auth/login", credentials(username, password)));
        assertEquals("POST /api/auth/login: " + abbreviate(response.body()), 200, response.statusCode());
        JsonNode session = JSON.readTree(response.body());
        String token = session.path("token").asText();
        assertFalse("no token in the login answer: " + abbreviate(response.body()), token.isBlank());
        assertEquals("role in the login answer: " + abbreviate(response.body()), "admin", session.path("role").asText());
        return token;
    }
}
