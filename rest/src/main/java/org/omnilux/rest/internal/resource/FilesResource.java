package org.omnilux.rest.internal.resource;

import java.util.LinkedHashMap;
import java.util.Map;

import org.omnilux.api.library.FilePage;
import org.omnilux.api.library.LibraryService;
import org.omnilux.api.service.InvalidInputException;
import org.omnilux.rest.internal.auth.AdminOnly;
import org.omnilux.rest.internal.json.JsonBody;
import org.omnilux.rest.internal.json.JsonViews;
import org.omnilux.rest.internal.query.FileQueryParser;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The file listing, one file's detail, and metadata edits with their locks. */
@Path("api/library/files")
@Produces(MediaType.APPLICATION_JSON)
public final class FilesResource {

    private static final TypeReference<LinkedHashMap<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final LibraryService library;
    private final ObjectMapper mapper;

    public FilesResource(LibraryService library, ObjectMapper mapper) {
        this.library = library;
        this.mapper = mapper;
    }

    @GET
    public Map<String, Object> files(@Context UriInfo uriInfo) {
        FilePage page = library.files(FileQueryParser.parse(uriInfo.getQueryParameters()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", page.items().stream().map(JsonViews::file).toList());
        json.put("total", page.total());
        json.put("limit", page.limit());
        json.put("offset", page.offset());
        return json;
    }

    @GET
    @Path("{id}")
    public Map<String, Object> file(@PathParam("id") String id) {
        return JsonViews.detail(library.file(Requests.id(id, "file")));
    }

    /**
     * A partial update: each member of the body is a field to write ({@code null} clears it). {@code title}
     * and {@code year} are typed here; the metadata fields of each media type are the library's to check.
     */
    @PUT
    @Path("{id}/metadata")
    @AdminOnly
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> updateMetadata(@PathParam("id") String id, JsonNode body) {
        long fileId = Requests.id(id, "file");
        ObjectNode changes = JsonBody.object(body);
        JsonNode title = changes.get("title");
        if (title != null && !title.isNull() && !title.isTextual()) {
            throw new InvalidInputException("title", "title must be a string or null, not " + JsonBody.describe(title) + ".");
        }
        JsonNode year = changes.get("year");
        if (year != null && !year.isNull() && !(year.isIntegralNumber() && year.canConvertToInt())) {
            throw new InvalidInputException("year", "year must be an integer or null, not " + JsonBody.describe(year) + ".");
        }
        for (var names = changes.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (name.isBlank()) {
                throw new InvalidInputException("body", "Field names must not be blank.");
            }
        }
        if (changes.isEmpty()) {
            return JsonViews.detail(library.file(fileId));
        }
        Map<String, Object> values = mapper.convertValue(changes, JSON_OBJECT);
        return JsonViews.detail(library.updateMetadata(fileId, values));
    }

    @DELETE
    @Path("{id}/metadata/locks/{field}")
    @AdminOnly
    public Response unlock(@PathParam("id") String id, @PathParam("field") String field) {
        library.unlockField(Requests.id(id, "file"), field);
        return Response.noContent().build();
    }
}
