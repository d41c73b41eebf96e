package org.omnilux.apitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A thin HTTP client for the Library API: real requests over a loopback socket. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final OmniLuxServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Api(OmniLuxServer server) {
        this.server = server;
    }

    /** A response with its body parsed as JSON when it is JSON. */
    record Response(int status, HttpResponse<String> raw, JsonNode json) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** Asserts an RFC 9457 problem with this status and returns its detail. */
        String assertProblem(int expectedStatus) {
            assertEquals(expectedStatus, status, () -> "status; body: " + raw.body());
            assertTrue(header("Content-Type") != null && header("Content-Type").startsWith("application/problem+json"),
                    () -> "problem content type, got " + header("Content-Type") + ": " + raw.body());
            assertTrue(json != null && json.hasNonNull("type") && json.hasNonNull("title") && json.hasNonNull("detail"),
                    () -> "problem fields in " + raw.body());
            assertEquals(expectedStatus, json.path("status").asInt(), "problem status field");
            return json.path("detail").asText();
        }
    }

    Response get(String path, String token) {
        return send(builder(path, token).GET());
    }

    Response delete(String path, String token) {
        return send(builder(path, token).DELETE());
    }

    Response post(String path, String token, String jsonBody) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    Response put(String path, String token, String jsonBody) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && !response.body().isEmpty()) {
                json = JSON.readTree(response.body());
            }
            return new Response(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    URI uri(String path) {
        return server.uri(path);
    }

    String login(String username, String password) {
        Response response = post("/api/auth/login", null,
                JSON.createObjectNode().put("username", username).put("password", password).toString());
        assertEquals(200, response.status(), () -> "login of " + username + ": " + response.raw().body());
        return response.json().path("token").asText();
    }

    String loginAdmin() {
        return login("admin", OmniLuxServer.ADMIN_PASSWORD);
    }

    static String json(Object... keyValues) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            node.set((String) keyValues[i], JSON.valueToTree(keyValues[i + 1]));
        }
        return node.toString();
    }

    /**
     * Waits (at most 30 s) until a scanner of {@code mediaType} is active and returns {@code /api/plugins}: health
     * answers once the core is ready, and the framework may still be resolving a plugin of the bundles folder then.
     */
    JsonNode awaitScanner(String mediaType, String token) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode plugins = null;
        while (System.nanoTime() < deadline) {
            plugins = get("/api/plugins", token).json();
            for (JsonNode plugin : plugins) {
                for (JsonNode type : plugin.path("mediaTypes")) {
                    if (type.asText().equals(mediaType)) {
                        return plugins;
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + mediaType + " scanner became active: " + plugins);
    }

    /** Polls a scan job until it is no longer running (at most 120 s) and returns it. */
    JsonNode awaitJob(long jobId, String token) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            Response response = get("/api/library/scan/" + jobId, token);
            assertEquals(200, response.status(), () -> response.raw().body());
            job = response.json();
            if (!"running".equals(job.path("status").asText())) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("scan job " + jobId + " still running: " + job);
    }
}
