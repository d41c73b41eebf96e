package org.omnilux.rest.internal;

import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.omnilux.api.auth.AuthService;
import org.omnilux.api.library.ArtworkService;
import org.omnilux.api.library.LibraryService;
import org.omnilux.api.library.PluginService;
import org.omnilux.api.library.ScanService;
import org.omnilux.api.service.ServerHealth;
import org.omnilux.rest.internal.auth.AuthFeature;
import org.omnilux.rest.internal.error.JsonExceptionMapper;
import org.omnilux.rest.internal.error.ServiceExceptionMapper;
import org.omnilux.rest.internal.error.ThrowableMapper;
import org.omnilux.rest.internal.error.WebApplicationExceptionMapper;
import org.omnilux.rest.internal.json.ObjectMapperResolver;
import org.omnilux.rest.internal.resource.ArtworkResource;
import org.omnilux.rest.internal.resource.AuthResource;
import org.omnilux.rest.internal.resource.FilesResource;
import org.omnilux.rest.internal.resource.HealthResource;
import org.omnilux.rest.internal.resource.PluginsResource;
import org.omnilux.rest.internal.resource.RootsResource;
import org.omnilux.rest.internal.resource.ScanResource;
import org.omnilux.rest.internal.resource.StatsResource;
import org.omnilux.rest.internal.resource.UsersResource;

/**
 * The one JAX-RS application, built from instances: the resources hold the OSGi services they were given, so
 * nothing is injected by HK2 and nothing is found by scanning (neither works reliably inside OSGi).
 */
public final class RestApplication {

    private RestApplication() {
    }

    public static ResourceConfig create(LibraryService library, ScanService scans, PluginService plugins,
            ArtworkService artwork, AuthService auth, ServerHealth health) {
        ObjectMapperResolver json = new ObjectMapperResolver();
        ThrowableMapper throwableMapper = new ThrowableMapper();
        JsonExceptionMapper jsonMapper = new JsonExceptionMapper(throwableMapper);

        ResourceConfig config = new ResourceConfig();
        config.setApplicationName("omnilux-rest");

        config.register(new HealthResource(health));
        config.register(new AuthResource(auth));
        config.register(new UsersResource(auth));
        config.register(new RootsResource(library));
        config.register(new FilesResource(library, json.mapper()));
        config.register(new ScanResource(scans, json.mapper()));
        config.register(new StatsResource(library));
        config.register(new PluginsResource(plugins));
        config.register(new ArtworkResource(artwork));

        config.register(new AuthFeature(auth));
        // Jackson without its own exception mappers: they answer with plain text, ours with problem JSON
        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(json);
        config.register(throwableMapper);
        config.register(jsonMapper);
        config.register(new ServiceExceptionMapper(throwableMapper));
        config.register(new WebApplicationExceptionMapper(jsonMapper));

        // what is registered above is all there is: no META-INF/services discovery (which would also bring
        // Jackson's default exception mappers back), no WADL (needs JAXB), no bean validation
        config.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        // error statuses via setStatus, never sendError: the servlet container would write an HTML page
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        // exceptions while writing a response go through the mappers too
        config.property(ServerProperties.PROCESSING_RESPONSE_ERRORS_ENABLED, true);
        // Location: /api/library/roots/7, exactly as the contract writes it
        config.property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);
        return config;
    }
}
