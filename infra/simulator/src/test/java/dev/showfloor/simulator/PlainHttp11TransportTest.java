package dev.showfloor.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlainHttp11TransportTest {
    private final PlainHttp11Transport transport = new PlainHttp11Transport(Duration.ofSeconds(2), Duration.ofSeconds(5));
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void sendsTheRequestAndReadsFixedLengthAndChunkedBodiesOverOneKeptConnection() throws IOException {
        Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            String request = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Idempotency-Key") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] answer = ("{\"echo\": \"" + request + "\"}").getBytes(StandardCharsets.UTF_8);
            boolean chunked = exchange.getRequestURI().getPath().endsWith("/chunked");
            exchange.sendResponseHeaders(202, chunked ? 0 : answer.length); // 0: chunked
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(answer);
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();

        HttpTransport.Response first = transport.exchange("POST", URI.create(base + "/checkouts?x=1"),
                Map.of("Idempotency-Key", "k-1"), "{\"sku\": \"é\"}");
        HttpTransport.Response second = transport.exchange("GET", URI.create(base + "/orders/o-1/chunked"),
                Map.of(), null);

        assertThat(first).isEqualTo(new HttpTransport.Response(202, "{\"echo\": \"POST /checkouts?x=1 k-1 {\"sku\": \"é\"}\"}"));
        assertThat(second).isEqualTo(new HttpTransport.Response(202, "{\"echo\": \"GET /orders/o-1/chunked null \"}"));
        assertThat(clientPorts).as("both requests on one kept-alive connection").hasSize(1);
    }

    @Test
    void retriesOnAFreshConnectionWhenTheServerClosedTheIdleOne() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // Answers one request per connection as if it would keep it, then closes it.
            Thread.ofVirtual().start(() -> {
                while (!listener.isClosed()) {
                    try (Socket socket = listener.accept()) {
                        int n = connections.incrementAndGet();
                        readHead(socket.getInputStream());
                        socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n" + n)
                                .getBytes(StandardCharsets.ISO_8859_1));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            URI uri = URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/q/health/live");

            assertThat(transport.exchange("GET", uri, Map.of(), null).body()).isEqualTo("1");
            assertThat(transport.exchange("GET", uri, Map.of(), null).body()).isEqualTo("2");
            assertThat(connections).hasValue(2);
        }
    }

    @Test
    void refusesWhatItDoesNotSpeak() {
        assertThatThrownBy(() -> transport.exchange("GET", URI.create("https://127.0.0.1:1/"), Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http:// only");
        assertThatThrownBy(() -> HttpTransport.named("curl")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain-http1.1");
    }

    private static void readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed");
            }
            head.write(b);
        }
    }
}
