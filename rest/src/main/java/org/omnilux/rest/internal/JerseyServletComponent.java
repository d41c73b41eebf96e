package org.omnilux.rest.internal;

import java.io.IOException;
import java.io.InputStream;

import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.omnilux.api.auth.AuthService;
import org.omnilux.api.library.ArtworkService;
import org.omnilux.api.library.LibraryService;
import org.omnilux.api.library.PluginService;
import org.omnilux.api.library.ScanService;
import org.omnilux.api.service.ServerHealth;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * The REST API: a Jersey servlet on the OSGi Servlet Whiteboard, answering every path ({@code /*}) so that
 * unknown paths get problem JSON too, not the HTTP service's HTML.
 * <p>
 * The services are mandatory static references: when one goes, DS unregisters this servlet and builds a new
 * one when it is back; no Jersey reload in place. The scanners come and go behind the core's services, so
 * hot deploys do not touch this component.
 * <p>
 * Jersey finds its runtime pieces ({@code RuntimeDelegate}, HK2's locator) through the thread context
 * class loader; in OSGi that is whatever the calling thread had, so it is set to Jersey's own bundle class
 * loader around building the configuration, {@link #init()} and each request. Without it, init fails with
 * "Provider for jakarta.ws.rs.ext.RuntimeDelegate cannot be found" and every URL answers a bare 404.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/*")
@HttpWhiteboardServletName("omnilux-rest")
public final class JerseyServletComponent extends ServletContainer {

    private static final long serialVersionUID = 1L;
    /** Beyond this an unread body is not worth reading just to keep the connection. */
    private static final long MAX_DRAINED_BYTES = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(JerseyServletComponent.class);

    @Activate
    public JerseyServletComponent(@Reference LibraryService library, @Reference ScanService scans,
            @Reference PluginService plugins, @Reference ArtworkService artwork, @Reference AuthService auth,
            @Reference ServerHealth health) {
        super(createConfig(library, scans, plugins, artwork, auth, health));
    }

    private static ResourceConfig createConfig(LibraryService library, ScanService scans, PluginService plugins,
            ArtworkService artwork, AuthService auth, ServerHealth health) {
        ClassLoader previous = swapContextClassLoader();
        try {
            return RestApplication.create(library, scans, plugins, artwork, auth, health);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Override
    public void init() throws ServletException {
        long start = System.nanoTime();
        ClassLoader previous = swapContextClassLoader();
        try {
            KnownJerseyWarnings.suppressDuring(() -> {
                super.init();
                return null;
            });
        } catch (ServletException | RuntimeException | Error e) {
            LOG.error("The REST API could not be initialised", e);
            throw e;
        } catch (Exception e) {
            LOG.error("The REST API could not be initialised", e);
            throw new ServletException(e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        LOG.info("REST API initialised in {} ms, serving /api/* and /artwork/*", (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        ClassLoader previous = swapContextClassLoader();
        try {
            super.service(request, response);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        drainUnreadBody(request);
    }

    /**
     * A request answered without reading its body (a 415, a 401 on a POST) leaves bytes on the connection, and
     * Jetty then closes it after the response: the client's next request on that kept-alive connection fails.
     * Reading the rest (up to a bound) keeps the connection usable.
     */
    private static void drainUnreadBody(ServletRequest request) {
        byte[] buffer = new byte[8192];
        long left = MAX_DRAINED_BYTES;
        try {
            InputStream in = request.getInputStream();
            int read;
            while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= read;
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away, or the body was read as characters: nothing to keep alive
        }
    }

    @Override
    public void destroy() {
        ClassLoader previous = swapContextClassLoader();
        try {
            super.destroy();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        LOG.info("REST API stopped");
    }

    /** Jersey's server bundle: it carries the META-INF/services entries Jersey looks up through the TCCL. */
    private static ClassLoader swapContextClassLoader() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ResourceConfig.class.getClassLoader());
        return previous;
    }
}
