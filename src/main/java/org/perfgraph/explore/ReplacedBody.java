package org.perfgraph.explore;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A /graphql request handed on with a body of our making: the body a size check already read, a persisted query's
 * text put in place of its hash, or a GET request's parameters as the JSON body of the POST that Spring for GraphQL
 * serves. With a method given, the request also says it is that method with a JSON body and accepts JSON.
 */
final class ReplacedBody extends HttpServletRequestWrapper {

    private static final String JSON = "application/json";

    private final byte[] body;
    private final String method;

    ReplacedBody(HttpServletRequest request, byte[] body) {
        this(request, body, null);
    }

    /** {@code method} null keeps the request's own method and headers. */
    ReplacedBody(HttpServletRequest request, byte[] body, String method) {
        super(request);
        this.body = body;
        this.method = method;
    }

    @Override
    public String getMethod() {
        return method == null ? super.getMethod() : method;
    }

    @Override
    public String getContentType() {
        return method == null ? super.getContentType() : JSON;
    }

    @Override
    public String getCharacterEncoding() {
        return method == null ? super.getCharacterEncoding() : "UTF-8";
    }

    @Override
    public String getHeader(String name) {
        String replaced = replacedHeader(name);
        return replaced != null ? replaced : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        String replaced = replacedHeader(name);
        return replaced != null ? Collections.enumeration(Set.of(replaced)) : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        if (method == null) {
            return super.getHeaderNames();
        }
        Set<String> names = new LinkedHashSet<>(Collections.list(super.getHeaderNames()));
        names.add("Content-Type");
        names.add("Content-Length");
        names.add("Accept");
        return Collections.enumeration(names);
    }

    private String replacedHeader(String name) {
        if (name.equalsIgnoreCase("Content-Length")) {
            return String.valueOf(body.length);
        }
        if (method == null) {
            return null;
        }
        if (name.equalsIgnoreCase("Content-Type")) {
            return JSON;
        }
        if (name.equalsIgnoreCase("Accept")) {
            return JSON;
        }
        return null;
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("synchronous reads only");
            }

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        return new BufferedReader(new InputStreamReader(getInputStream(),
                encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
    }
}
