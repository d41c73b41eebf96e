package org.omnilux.rest.internal.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

import org.omnilux.api.library.ArtworkService;
import org.omnilux.api.service.NotFoundException;
import org.omnilux.rest.internal.auth.QueryTokenAllowed;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * {@code GET /artwork/<name>}: the posters and covers that {@code posterUrl} values point at. Any valid token,
 * as header or {@code access_token} query parameter. No {@code @Produces}: browsers ask for {@code image/*}.
 */
@jakarta.ws.rs.Path("artwork")
@QueryTokenAllowed
public final class ArtworkResource {

    /** Artwork is per-user authorised: shared caches must not keep it. */
    static final String CACHE_CONTROL = "private, max-age=86400";

    private static final Map<String, String> TYPES_BY_EXTENSION = Map.of("jpg", "image/jpeg", "jpeg", "image/jpeg",
            "png", "image/png", "gif", "image/gif", "webp", "image/webp", "avif", "image/avif", "bmp", "image/bmp");

    private final ArtworkService artwork;

    public ArtworkResource(ArtworkService artwork) {
        this.artwork = artwork;
    }

    @GET
    @jakarta.ws.rs.Path("{name}")
    public Response get(@PathParam("name") String name, @Context Request request) {
        // the store refuses these too; refusing here keeps odd names away from the file system entirely
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")
                || name.indexOf('\0') >= 0) {
            throw notFound(name);
        }
        Path file = artwork.find(name).orElseThrow(() -> notFound(name));
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw notFound(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!attributes.isRegularFile()) {
            throw notFound(name);
        }
        Date lastModified = new Date(attributes.lastModifiedTime().toMillis());
        EntityTag etag = new EntityTag(Long.toHexString(attributes.size()) + "-"
                + Long.toHexString(attributes.lastModifiedTime().toMillis()));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(lastModified, etag);
        if (notModified != null) {
            return notModified.header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
        }
        StreamingOutput body = output -> {
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(output);
            }
        };
        return Response.ok(body, contentType(file))
                .header(HttpHeaders.CONTENT_LENGTH, attributes.size())
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header("X-Content-Type-Options", "nosniff")
                .lastModified(lastModified)
                .tag(etag)
                .build();
    }

    /** By extension, else by the first bytes; never a type a browser would run (no SVG, no HTML). */
    static String contentType(Path file) {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        if (dot >= 0) {
            String type = TYPES_BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
            if (type != null) {
                return type;
            }
        }
        byte[] head = new byte[12];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return "application/octet-stream";
        }
        return sniff(head, read);
    }

    static String sniff(byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (length >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return "image/png";
        }
        if (length >= 4 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F' && head[3] == '8') {
            return "image/gif";
        }
        if (length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F' && head[8] == 'W'
                && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return "image/webp";
        }
        return "application/octet-stream";
    }

    private static NotFoundException notFound(String name) {
        return new NotFoundException("No artwork named '" + name + "'.");
    }
}
