package org.omnilux.web.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterRegex;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sends a browser that opens the server's address to the web interface: {@code GET /} → {@code 302 /ui/}.
 * <p>
 * A filter, not a servlet: the REST servlet's {@code /*} outranks a servlet on the context-root pattern
 * {@code ""} in Felix HTTP (path mappings rank above the root mapping there), so Jersey would answer
 * {@code /} with a 404. A filter on exactly {@code /} runs before whichever servlet is chosen. Other
 * methods on {@code /} go on to the API, which answers them with problem JSON.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterRegex("^/?$")
@HttpWhiteboardFilterName("omnilux-web-root")
public final class RootRedirectFilter implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            HttpServletResponse response = (HttpServletResponse) res;
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", request.getContextPath() + "/ui/");
            response.setHeader("Cache-Control", "no-store");
            return;
        }
        chain.doFilter(req, res);
    }
}
