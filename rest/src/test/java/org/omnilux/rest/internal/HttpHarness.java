package org.omnilux.rest.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.SecurityContext;

/**
 * Drives the real Jersey server in-process: requests go through routing, filters, entity providers and
 * exception mappers exactly as behind the servlet, minus the socket.
 */
final class HttpHarness {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApplicationHandler handler;

    HttpHarness(ResourceConfig config) {
        try {
            this.handler = KnownJerseyWarnings.suppressDuring(() -> new ApplicationHandler(config));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Request request(String method, String pathAndQuery) {
        return new Request(method, pathAndQuery);
    }

    Reply get(String path, String token) {
        return request("GET", path).token(token).send();
    }

    final class Request {
        private final String method;
        private final String pathAndQuery;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;

        private Request(String method, String pathAndQuery) {
            this.method = method;
            this.pathAndQuery = pathAndQuery;
        }

        Request token(String token) {
            return token == null ? this : header("Authorization", "Bearer " + token);
        }

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Request json(String json) {
            header("Content-Type", "application/json");
            return body(json);
        }

        Request body(String text) {
            body = text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        Reply send() {
            ContainerRequest request = new ContainerRequest(URI.create("http://localhost/"),
                    URI.create("http://localhost" + pathAndQuery), method, new InsecureContext(),
                    new MapPropertiesDelegate(), handler.getConfiguration());
            headers.forEach(request::header);
            if (body != null) {
                request.setEntityStream(new ByteArrayInputStream(body));
                request.header("Content-Length", String.valueOf(body.length));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                ContainerResponse response = handler.apply(request, out).get(20, TimeUnit.SECONDS);
                Map<String, List<String>> replyHeaders = new LinkedHashMap<>();
                response.getStringHeaders().forEach((name, values) -> replyHeaders.put(name.toLowerCase(), values));
                return new Reply(response.getStatus(), replyHeaders, out.toByteArray());
            } catch (Exception e) {
                throw new AssertionError("request failed: " + method + " " + pathAndQuery, e);
            }
        }
    }

    record Reply(int status, Map<String, List<String>> headers, byte[] bytes) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null || values.isEmpty() ? null : String.join(", ", values);
        }

        String contentType() {
            return header("Content-Type");
        }

        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (Exception e) {
                throw new AssertionError("not JSON (" + status + "): " + body(), e);
            }
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body();
        }
    }

    private static final class InsecureContext implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return null;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public String getAuthenticationScheme() {
            return null;
        }
    }
}
