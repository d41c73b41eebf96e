package org.omnilux.rest.internal.resource;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.omnilux.api.library.ScanJob;
import org.omnilux.api.library.ScanService;
import org.omnilux.rest.internal.auth.AdminOnly;
import org.omnilux.rest.internal.error.Problems;
import org.omnilux.rest.internal.json.JsonBody;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Starting, following and cancelling scans. */
@Path("api/library/scan")
@Produces(MediaType.APPLICATION_JSON)
public final class ScanResource {

    private static final Set<String> START_FIELDS = Set.of("rootId");

    private final ScanService scans;
    private final ObjectMapper mapper;

    public ScanResource(ScanService scans, ObjectMapper mapper) {
        this.scans = scans;
        this.mapper = mapper;
    }

    /**
     * The body is optional ({@code curl -X POST} scans everything), so it is read as text and parsed here
     * rather than through {@code @Consumes}: a missing body must not depend on how a client labels it. A
     * body that is there must be JSON (415 otherwise) and an object with at most an integer {@code rootId}.
     */
    @POST
    @AdminOnly
    public Response start(String body, @Context HttpHeaders headers, @Context UriInfo uriInfo) throws IOException {
        Long rootId = null;
        if (body != null && !body.isBlank()) {
            MediaType type = headers.getMediaType();
            if (type != null && !isJson(type)) {
                throw new WebApplicationException(Problems.response(415, "Content type '" + type
                        + "' is not supported; send " + MediaType.APPLICATION_JSON + " or no body."));
            }
            rootId = JsonBody.of(mapper.readTree(body), START_FIELDS).optionalLong("rootId");
        }
        ScanJob job = scans.start(rootId);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("jobId", job.jobId());
        json.put("status", "started");
        return Response.accepted(json).location(Requests.location(uriInfo, "api/library/scan/" + job.jobId()))
                .build();
    }

    @GET
    public List<ScanJob> jobs() {
        return scans.recentJobs();
    }

    @GET
    @Path("{jobId}")
    public ScanJob job(@PathParam("jobId") String jobId) {
        return scans.job(Requests.id(jobId, "scan job"));
    }

    /** Cancels a running job and answers with the job as it stands; 409 if it is not running. */
    @DELETE
    @Path("{jobId}")
    @AdminOnly
    public ScanJob cancel(@PathParam("jobId") String jobId) {
        return scans.cancel(Requests.id(jobId, "scan job"));
    }

    private static boolean isJson(MediaType type) {
        return MediaType.APPLICATION_JSON_TYPE.isCompatible(type) && !type.isWildcardSubtype()
                || type.getSubtype().endsWith("+json");
    }
}
