package io.mcpee.rest;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An agent's REST answer held back until its audit entry is committed: the status and headers go to the real
 * response (which stays uncommitted, so they can still be replaced), the body is kept here, and an error or a
 * redirect the application asked for is sent only when the answer is let go.
 */
final class BufferedResponse extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private ServletOutputStream stream;
    private PrintWriter writer;
    private int errorStatus;
    private String errorMessage;
    private String redirect;

    BufferedResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() has already been called");
        }
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new IllegalStateException("an agent's REST answer is written in blocking mode");
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    body.write(bytes, offset, length);
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (stream != null) {
            throw new IllegalStateException("getOutputStream() has already been called");
        }
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(body, charset()));
        }
        return writer;
    }

    @Override
    public void flushBuffer() {
        if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    @Override
    public void resetBuffer() {
        flushBuffer();
        body.reset();
    }

    @Override
    public void reset() {
        resetBuffer();
        errorStatus = 0;
        errorMessage = null;
        redirect = null;
        super.reset();
    }

    // the length is the answer's as it is let go (masking may change it)
    @Override
    public void setContentLength(int length) {
    }

    @Override
    public void setContentLengthLong(long length) {
    }

    @Override
    public void setHeader(String name, String value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            super.addIntHeader(name, value);
        }
    }

    @Override
    public void sendError(int status) {
        sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) {
        resetBuffer();
        errorStatus = status;
        errorMessage = message;
        super.setStatus(status);
    }

    @Override
    public void sendRedirect(String location) {
        resetBuffer();
        redirect = location;
        super.setStatus(HttpServletResponse.SC_FOUND);
    }

    @Override
    public int getStatus() {
        return errorStatus != 0 ? errorStatus : super.getStatus();
    }

    /** The message of an error the application sent ({@code sendError}), reworded before it is let go. */
    void rewordError(UnaryOperator<String> reword) {
        if (errorMessage != null) {
            errorMessage = reword.apply(errorMessage);
        }
    }

    /** The body as written so far. */
    byte[] body() {
        flushBuffer();
        return body.toByteArray();
    }

    /** The charset the body is written in: the response's, else UTF-8 (JSON's). */
    Charset charset() {
        return Charsets.namedOrUtf8(getResponse().getCharacterEncoding());
    }

    /** Sends the answer as the application made it, with {@code body} (the held one, or its masked copy). */
    void letGo(byte[] answer) throws IOException {
        HttpServletResponse real = (HttpServletResponse) getResponse();
        if (redirect != null) {
            real.sendRedirect(redirect);
        } else if (errorStatus != 0) {
            real.sendError(errorStatus, errorMessage);
        } else {
            real.setContentLength(answer.length);
            real.getOutputStream().write(answer);
        }
    }

    /**
     * Sends mcp-ee's own JSON answer instead of the application's: its status and headers, and the held body, are
     * dropped.
     */
    void replace(int status, String json, Map<String, String> headers) throws IOException {
        HttpServletResponse real = (HttpServletResponse) getResponse();
        real.reset();
        real.setStatus(status);
        headers.forEach(real::setHeader);
        real.setContentType("application/json");
        real.setCharacterEncoding("UTF-8");
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        real.setContentLength(bytes.length);
        real.getOutputStream().write(bytes);
    }
}
