package dev.showfloor.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * How the simulator's requests travel. The JDK's client is the default; the benchmarks can pick a lighter one,
 * because the load generator shares the two cores with the stack it measures and every microsecond it spends
 * is one the services do not get.
 */
public interface HttpTransport {
    Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** The demo's client and the benchmarks' default (every checkout benchmark until 2026-12-03 used it). */
    String DEFAULT = "jdk-http2";

    /** A response's status and body (empty when it had none). */
    record Response(int status, String body) {
    }

    Response exchange(String method, URI uri, Map<String, String> headers, String body) throws IOException;

    /** By name, as the benchmarks' {@code --http-client} option gives it. */
    static HttpTransport named(String name) {
        return switch (name) {
            case "jdk-http2" -> jdk(HttpClient.Version.HTTP_2);
            case "jdk-http1.1" -> jdk(HttpClient.Version.HTTP_1_1);
            case "plain-http1.1" -> new PlainHttp11Transport(CONNECT_TIMEOUT, REQUEST_TIMEOUT);
            default -> throw new IllegalArgumentException(
                    "an HTTP client is one of jdk-http2, jdk-http1.1, plain-http1.1; not " + name);
        };
    }

    /**
     * The JDK's client. With HTTP/2 it multiplexes every concurrent request to a service over one connection
     * (one server event loop serves them all); with HTTP/1.1 it opens a connection per request in flight.
     */
    static HttpTransport jdk(HttpClient.Version version) {
        HttpClient http = HttpClient.newBuilder().version(version).connectTimeout(CONNECT_TIMEOUT).build();
        return (method, uri, headers, body) -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        };
    }
}
