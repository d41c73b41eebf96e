package org.omnilux.rest.internal.resource;

import org.omnilux.api.library.LibraryService;
import org.omnilux.api.library.LibraryStats;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/library/stats}. */
@Path("api/library/stats")
@Produces(MediaType.APPLICATION_JSON)
public final class StatsResource {

    private final LibraryService library;

    public StatsResource(LibraryService library) {
        this.library = library;
    }

    @GET
    public LibraryStats stats() {
        return library.stats();
    }
}
