package org.omnilux.web.internal;

import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Maps request paths under {@code /ui} to the built files packed in the bundle under {@code ui/}, with their
 * content type and caching rules. Plain Java (no servlet, no OSGi) so that it is tested without a container.
 */
final class UiAssets {

    /** Vite puts content-hashed files here: their content never changes under the same name. */
    private static final String IMMUTABLE_PREFIX = "/assets/";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html;charset=utf-8"), Map.entry("js", "text/javascript;charset=utf-8"),
            Map.entry("mjs", "text/javascript;charset=utf-8"), Map.entry("css", "text/css;charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("map", "application/json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"),
            Map.entry("webp", "image/webp"), Map.entry("woff2", "font/woff2"), Map.entry("txt", "text/plain;charset=utf-8"));

    /**
     * {@code script-src 'self'}: no inline script runs even if markup were ever injected. Images may come from
     * the server itself (artwork) and {@code data:} (placeholders); everything else from the server only.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    record Asset(URL url, String contentType, String cacheControl, String etag) {
    }

    private final Function<String, URL> entries;
    private final long version;

    /**
     * @param entries finds an entry of the bundle by its path ({@code ui/index.html}); {@code null} if absent
     * @param version changes whenever the bundle changes (its last-modified time): part of every ETag
     */
    UiAssets(Function<String, URL> entries, long version) {
        this.entries = entries;
        this.version = version;
    }

    /**
     * @param path the request path after {@code /ui}, starting with {@code /}
     * @return the asset, or {@code null} when there is none (including every path that tries to leave
     *         {@code ui/}); {@code /} and client-side routes without an extension get {@code index.html}
     */
    Asset resolve(String path) {
        if (path.isEmpty() || path.charAt(0) != '/' || path.contains("\\") || path.indexOf('\0') >= 0) {
            return null;
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".") || (segment.startsWith(".") && !segment.isEmpty())) {
                return null;
            }
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        boolean page = name.isEmpty() || name.indexOf('.') < 0;
        String entry = page ? "ui/index.html" : "ui" + path;
        URL url = entries.apply(entry);
        if (url == null || entry.endsWith("/")) {
            return null;
        }
        String extension = entry.substring(entry.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.getOrDefault(extension, "application/octet-stream");
        // index.html names the hashed files of the current build: it must be revalidated every time
        String cache = !page && path.startsWith(IMMUTABLE_PREFIX) ? "public, max-age=31536000, immutable" : "no-cache";
        String etag = "\"" + Long.toHexString(version) + "-" + Integer.toHexString(entry.hashCode()) + "\"";
        return new Asset(url, type, cache, etag);
    }

    static void securityHeaders(BiConsumer<String, String> header) {
        header.accept("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Referrer-Policy", "no-referrer");
        header.accept("X-Frame-Options", "DENY");
    }

    static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
