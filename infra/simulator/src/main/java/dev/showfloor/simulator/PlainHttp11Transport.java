package dev.showfloor.simulator;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A minimal blocking HTTP/1.1 client with keep-alive connections, one per request in flight, for the
 * benchmarks: one write and a buffered read per request, no multiplexing, no header compression, no
 * asynchronous machinery (the callers are virtual threads). It speaks just what the Showfloor services answer:
 * fixed-length and chunked bodies, {@code Connection: close}. Plain {@code http://} only.
 */
final class PlainHttp11Transport implements HttpTransport {
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final Map<String, ConcurrentLinkedDeque<Connection>> idle = new ConcurrentHashMap<>();

    PlainHttp11Transport(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
    }

    @Override
    public Response exchange(String method, URI uri, Map<String, String> headers, String body) throws IOException {
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("plain HTTP/1.1 speaks http:// only, not " + uri);
        }
        String authority = uri.getHost() + ":" + port(uri);
        byte[] request = encode(method, uri, authority, headers, body);
        ConcurrentLinkedDeque<Connection> pool = idle.computeIfAbsent(authority, a -> new ConcurrentLinkedDeque<>());
        Connection reused = pool.pollFirst();
        if (reused != null) {
            try {
                return exchange(reused, request, pool);
            } catch (IOException e) {
                if (reused.answerStarted) {
                    throw e;
                }
                // The server had closed the idle connection (reset, or an end of stream instead of an answer);
                // once more on a fresh one, as browsers do.
            }
        }
        return exchange(open(uri), request, pool);
    }

    private Response exchange(Connection connection, byte[] request, ConcurrentLinkedDeque<Connection> pool)
            throws IOException {
        boolean keep = false;
        connection.answerStarted = false;
        try {
            connection.out.write(request);
            connection.out.flush();
            Response response = connection.readResponse();
            keep = connection.reusable;
            return response;
        } finally {
            if (keep) {
                pool.offerFirst(connection);
            } else {
                connection.socket.close();
            }
        }
    }

    private Connection open(URI uri) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(uri.getHost(), port(uri)), connectTimeoutMillis);
        socket.setSoTimeout(readTimeoutMillis);
        return new Connection(socket);
    }

    private static int port(URI uri) {
        return uri.getPort() < 0 ? 80 : uri.getPort();
    }

    private static byte[] encode(String method, URI uri, String authority, Map<String, String> headers, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append(method).append(' ')
                .append(uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ").append(authority).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null || !"GET".equals(method)) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[headBytes.length + content.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(content, 0, request, headBytes.length, content.length);
        return request;
    }

    private static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        final byte[] buffer = new byte[8192];
        int position;
        int limit;
        boolean answerStarted;
        boolean reusable;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        Response readResponse() throws IOException {
            int first = read();
            if (first < 0) {
                throw new EOFException("the server closed the connection without answering");
            }
            answerStarted = true;
            String statusLine = (char) first + line();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.x status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            long contentLength = -1;
            boolean chunked = false;
            boolean close = parts[0].equals("HTTP/1.0");
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    throw new IOException("malformed header line: " + header);
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> contentLength = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            String body;
            if (status == 204 || status == 304 || (status >= 100 && status < 200)) {
                body = "";
            } else if (chunked) {
                body = chunkedBody();
            } else if (contentLength >= 0) {
                body = new String(bytes(Math.toIntExact(contentLength)), StandardCharsets.UTF_8);
            } else {
                body = untilClosed(); // delimited by the close
                close = true;
            }
            reusable = !close;
            return new Response(status, body);
        }

        private String chunkedBody() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = line();
                int extension = size.indexOf(';');
                int length = Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
                if (length == 0) {
                    while (!line().isEmpty()) {
                        // trailers, ignored
                    }
                    return body.toString(StandardCharsets.UTF_8);
                }
                body.writeBytes(bytes(length));
                line(); // the CRLF after the chunk
            }
        }

        /** One line without its CRLF, in ISO-8859-1 (status line, headers, chunk sizes). */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = read(); b != '\n'; b = read()) {
                if (b < 0) {
                    throw new EOFException("the connection ended inside the response head");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        /** The next byte, or -1 at the end of the stream. */
        private int read() throws IOException {
            if (position == limit && !fill()) {
                return -1;
            }
            return buffer[position++] & 0xff;
        }

        private byte[] bytes(int length) throws IOException {
            byte[] bytes = new byte[length];
            int copied = 0;
            while (copied < length) {
                if (position == limit && !fill()) {
                    throw new EOFException("the connection ended inside the body");
                }
                int chunk = Math.min(length - copied, limit - position);
                System.arraycopy(buffer, position, bytes, copied, chunk);
                position += chunk;
                copied += chunk;
            }
            return bytes;
        }

        private String untilClosed() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (position < limit || fill()) {
                body.write(buffer, position, limit - position);
                position = limit;
            }
            return body.toString(StandardCharsets.UTF_8);
        }

        private boolean fill() throws IOException {
            int read = in.read(buffer);
            if (read <= 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        }
    }
}
