package io.mcpee.security;

import io.mcpee.persistence.DatabaseHealth;
import io.mcpee.persistence.DatabaseUnavailable;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The web application's error page (web.xml) for an exception nothing else answered: a fixed JSON body naming no
 * class, instead of the container's page. A servlet, not a file or a JSP, because the container forwards the
 * failed request with its own method, and its default servlet refuses a PUT (403) or PATCH (501), as Payara's JSPs
 * refuse every method but GET, HEAD and POST (405): the 500 would be lost. A failure because the database cannot
 * be reached is a 503 with {@code Retry-After} instead ({@link DatabaseHealth}).
 */
@WebServlet(name = "mcp-ee error page", urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {
    static final String PATH = "/mcp-ee/error";
    private static final String BODY = "{\"error\":\"Internal Server Error\",\"message\":"
            + "\"The server could not complete the request; its log has the details.\"}";

    @Inject
    private DatabaseHealth database;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        DatabaseUnavailable down = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                ? database.failed("application", failure) : null;
        if (down != null) {
            // the application failed because the database is away: the client's answer is to retry, not a 500
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", String.valueOf(down.retryAfterSeconds()));
            response.getWriter().write("{\"error\":\"Service Unavailable\",\"message\":\"" + down.getMessage()
                    + "\"}");
            return;
        }
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        response.getWriter().write(BODY);
    }
}
