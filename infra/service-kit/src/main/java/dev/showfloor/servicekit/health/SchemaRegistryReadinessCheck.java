package dev.showfloor.servicekit.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the schema registry is unreachable: without it no Avro record can be written or read.
 * Asked afresh on every probe, so readiness comes back by itself when the registry does.
 */
@Readiness
@ApplicationScoped
public class SchemaRegistryReadinessCheck implements HealthCheck {
    private final SchemaRegistryConfig config;
    private final HttpClient http;

    public SchemaRegistryReadinessCheck(SchemaRegistryConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.probeTimeout()).build();
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("schema-registry").withData("url", config.url());
        try {
            int status = http.send(HttpRequest.newBuilder(URI.create(config.url() + "/system/info"))
                            .timeout(config.probeTimeout()).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            return response.status(status == 200).withData("status", status).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        } catch (Exception e) {
            String reason = e.getMessage() == null ? "unreachable" : e.getMessage();
            return response.down().withData("error", e.getClass().getSimpleName() + ": " + reason).build();
        }
    }
}
