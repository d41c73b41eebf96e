package org.omnilux.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The DS component's servlet as Jetty 12 (the engine of Felix HTTP jetty12) runs it, mapped at {@code /*} as
 * the whiteboard maps it: init, the servlet container's own error handling (no HTML pages), Location headers
 * over a real socket. No OSGi here; the whiteboard wiring is the integration tests' job.
 */
class JerseyServletComponentTest {

    @TempDir
    static Path artworkDir;

    static Server jetty;
    static URI base;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        Files.write(artworkDir.resolve("poster.jpg"), new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3 });
        JerseyServletComponent servlet = new JerseyServletComponent(new Fakes.Library(), new Fakes.Scans(),
                new Fakes.Plugins(), new Fakes.Artwork(artworkDir), new Fakes.Auth(), new Fakes.Health());
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setPort(0);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(servlet), "/*");
        jetty.setHandler(context);
        jetty.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(base.resolve(path));
    }

    static void assertProblem(HttpResponse<String> reply, int status) throws Exception {
        assertEquals(status, reply.statusCode(), reply::body);
        assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                () -> reply.headers().map().toString());
        JsonNode json = JSON.readTree(reply.body());
        assertEquals(status, json.path("status").asInt());
        assertFalse(json.path("detail").asText().isBlank());
    }

    @Test
    void healthOverTheServlet() throws Exception {
        HttpResponse<String> reply = send(at("/api/health"));
        assertEquals(200, reply.statusCode());
        assertEquals("UP", JSON.readTree(reply.body()).path("status").asText());
    }

    @Test
    void unknownPathsAreProblemsNotHtml() throws Exception {
        assertProblem(send(at("/")), 404);
        assertProblem(send(at("/favicon.ico")), 404);
        assertProblem(send(at("/api/library/nothing")), 404);
        assertProblem(send(at("/api/library/roots").method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
                .header("Authorization", "Bearer " + Fakes.ADMIN_TOKEN)), 405);
    }

    @Test
    void authErrors() throws Exception {
        HttpResponse<String> none = send(at("/api/library/roots"));
        assertProblem(none, 401);
        assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElse(null));
        assertProblem(send(at("/api/users").header("Authorization", "Bearer " + Fakes.USER_TOKEN)), 403);
    }

    @Test
    void createdRootHasARelativeLocation() throws Exception {
        HttpResponse<String> reply = send(at("/api/library/roots")
                .header("Authorization", "Bearer " + Fakes.ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"path\":\"/srv/films\",\"name\":\"Films\",\"mediaType\":\"movie\"}")));
        assertEquals(201, reply.statusCode(), reply::body);
        long id = JSON.readTree(reply.body()).path("id").asLong();
        assertEquals("/api/library/roots/" + id, reply.headers().firstValue("Location").orElse(null));
    }

    @Test
    void bodyErrorsOverTheServlet() throws Exception {
        assertProblem(send(at("/api/library/roots").header("Authorization", "Bearer " + Fakes.ADMIN_TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"path\""))), 400);
        assertProblem(send(at("/api/library/roots").header("Authorization", "Bearer " + Fakes.ADMIN_TOKEN)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x"))), 415);
        assertProblem(send(at("/api/auth/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())), 400);
    }

    @Test
    void scanWithoutBodyIsAccepted() throws Exception {
        HttpResponse<String> reply = send(at("/api/library/scan")
                .header("Authorization", "Bearer " + Fakes.ADMIN_TOKEN).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(202, reply.statusCode(), reply::body);
        long jobId = JSON.readTree(reply.body()).path("jobId").asLong();
        assertEquals("/api/library/scan/" + jobId, reply.headers().firstValue("Location").orElse(null));
    }

    @Test
    void artworkStreams() throws Exception {
        HttpResponse<byte[]> reply = HTTP.send(at("/artwork/poster.jpg?access_token=" + Fakes.USER_TOKEN).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, reply.statusCode());
        assertEquals("image/jpeg", reply.headers().firstValue("Content-Type").orElse(null));
        assertEquals(6, reply.body().length);
        assertTrue(reply.headers().firstValue("Cache-Control").orElse("").contains("max-age"));
        assertProblem(send(at("/artwork/other.jpg?access_token=" + Fakes.USER_TOKEN)), 404);
    }
}
