package org.omnilux.rest.internal.resource;

import java.nio.file.InvalidPathException;
import java.util.List;
import java.util.Set;

import org.omnilux.api.library.LibraryRoot;
import org.omnilux.api.library.LibraryService;
import org.omnilux.api.service.NotFoundException;
import org.omnilux.rest.internal.auth.AdminOnly;
import org.omnilux.rest.internal.json.JsonBody;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Library roots: read by anyone with a token, added and removed by admins. */
@Path("api/library/roots")
@Produces(MediaType.APPLICATION_JSON)
public final class RootsResource {

    private static final Set<String> CREATE_FIELDS = Set.of("path", "name", "mediaType");

    private final LibraryService library;

    public RootsResource(LibraryService library) {
        this.library = library;
    }

    @GET
    public List<LibraryRoot> roots() {
        return library.roots();
    }

    /** The target of the {@code Location} header that creation answers with. */
    @GET
    @Path("{id}")
    public LibraryRoot root(@PathParam("id") String id) {
        long rootId = Requests.id(id, "library root");
        return library.roots().stream().filter(root -> root.id() == rootId).findFirst()
                .orElseThrow(() -> new NotFoundException("No library root with id " + rootId + "."));
    }

    /** {@code name} defaults to the folder's name; the library validates path, name and media type. */
    @POST
    @AdminOnly
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(JsonNode body, @Context UriInfo uriInfo) {
        JsonBody fields = JsonBody.of(body, CREATE_FIELDS);
        String path = fields.requiredString("path");
        String mediaType = fields.requiredString("mediaType");
        String name = fields.optionalString("name");
        if (name == null) {
            name = defaultName(path);
        }
        LibraryRoot root = library.addRoot(path, name, mediaType);
        return Response.created(Requests.location(uriInfo, "api/library/roots/" + root.id())).entity(root).build();
    }

    @DELETE
    @Path("{id}")
    @AdminOnly
    public Response remove(@PathParam("id") String id) {
        library.removeRoot(Requests.id(id, "library root"));
        return Response.noContent().build();
    }

    private static String defaultName(String path) {
        try {
            java.nio.file.Path fileName = java.nio.file.Path.of(path).getFileName();
            return fileName == null ? path : fileName.toString();
        } catch (InvalidPathException e) {
            return path; // the library rejects the path itself, naming it
        }
    }
}
