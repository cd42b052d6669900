package io.mcpee.demo;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * The CRM's error page (web.xml) for an exception nothing else answered: a fixed JSON body naming no class, instead
 * of the container's page. A servlet, not a file or a JSP, because the container forwards the failed request with
 * its own method, and its default servlet refuses a PUT (403) or PATCH (501), as Payara's JSPs refuse every method
 * but GET, HEAD and POST (405): the 500 would be lost. A failure because the database cannot be reached (an SQL
 * state of class 08) is a 503 with {@code Retry-After}: the client's answer is to come back, not to report a bug.
 */
@WebServlet(name = "crm error page", urlPatterns = ErrorPage.PATH)
public class ErrorPage extends HttpServlet {
    static final String PATH = "/crm/error";
    private static final String BODY = "{\"error\":\"Internal Server Error\",\"message\":"
            + "\"The server could not complete the request; its log has the details.\"}";
    private static final String UNAVAILABLE = "{\"error\":\"Service Unavailable\",\"message\":"
            + "\"The database cannot be reached; retry later.\"}";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && databaseAway(failure)) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "5");
            response.getWriter().write(UNAVAILABLE);
            return;
        }
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        response.getWriter().write(BODY);
    }

    private static boolean databaseAway(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
