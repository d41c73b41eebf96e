package org.omnilux.rest.internal.resource;

import java.util.List;

import org.omnilux.api.library.PluginInfo;
import org.omnilux.api.library.PluginService;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/plugins}: asks the core on every request, so hot-deployed scanners show at once. */
@Path("api/plugins")
@Produces(MediaType.APPLICATION_JSON)
public final class PluginsResource {

    private final PluginService plugins;

    public PluginsResource(PluginService plugins) {
        this.plugins = plugins;
    }

    @GET
    public List<PluginInfo> plugins() {
        return plugins.plugins();
    }
}
