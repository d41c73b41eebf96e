package org.omnilux.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The web interface: serves the Vite build packed into this bundle under {@code ui/} at {@code /ui/*}, and
 * redirects {@code /ui} to {@code /ui/}.
 * <p>
 * A servlet rather than a whiteboard resource registration, so that it can answer {@code /ui/} with
 * {@code index.html}, set the caching and security headers (a strict Content-Security-Policy is the second
 * line of defence against script injection through titles) and answer problem JSON like the API does.
 * <p>
 * The REST servlet is registered at {@code /*}. The whiteboard picks the most specific pattern, so
 * {@code /ui/*} and the exact {@code /ui} win over it; every other path stays with the API. The context root
 * is {@link RootRedirectServlet}'s.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({ "/ui", "/ui/*" })
@HttpWhiteboardServletName("omnilux-web")
public final class WebUiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient UiAssets assets;

    @Activate
    public WebUiServlet(BundleContext context) {
        this(new UiAssets(path -> context.getBundle().getEntry(path), context.getBundle().getLastModified()));
    }

    WebUiServlet(UiAssets assets) {
        this.assets = assets;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/ui/")) {
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", request.getContextPath() + "/ui/");
            response.setHeader("Cache-Control", "no-store");
            return;
        }
        UiAssets.Asset asset = assets.resolve(path.substring("/ui".length()));
        if (asset == null) {
            problem(response, HttpServletResponse.SC_NOT_FOUND, "Not Found", "There is no such page: " + path);
            return;
        }
        UiAssets.securityHeaders(response::setHeader);
        response.setHeader("Cache-Control", asset.cacheControl());
        response.setHeader("ETag", asset.etag());
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && UiAssets.matches(ifNoneMatch, asset.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(asset.contentType());
        URLConnection connection = asset.url().openConnection();
        connection.setUseCaches(false); // jar: URL connections otherwise keep the bundle file open
        long length = connection.getContentLengthLong();
        if (length >= 0) {
            response.setContentLengthLong(length);
        }
        try (InputStream in = connection.getInputStream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws jakarta.servlet.ServletException, IOException {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            super.service(request, response);
        } else {
            response.setHeader("Allow", "GET, HEAD");
            problem(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Method Not Allowed",
                    "The web interface answers GET and HEAD only.");
        }
    }

    /** The same RFC 9457 shape as the API's errors. */
    private static void problem(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":" + UiAssets.jsonString(detail) + "}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType("application/problem+json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
