package dev.showfloor.schemas.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.showfloor.schemas.Topic;
import dev.showfloor.schemas.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * Registers every catalog subject in Apicurio Registry (v3 API) with a BACKWARD_TRANSITIVE compatibility rule
 * and a FULL validity rule. Idempotent: an unchanged schema finds its existing version; a changed, compatible
 * schema becomes a new version; an incompatible one is refused by the registry and reported here.
 */
public final class SchemaRegistrar {
    public static final String GROUP = "default";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The registry refused a schema under its rules. */
    public static final class IncompatibleSchemaException extends RuntimeException {
        private final String subject;

        IncompatibleSchemaException(String subject, String detail) {
            super("registry refused the schema of subject " + subject + ": " + detail);
            this.subject = subject;
        }

        public String subject() {
            return subject;
        }
    }

    private final String apiUrl;
    private final HttpClient http;

    /** @param apiUrl the registry's v3 API root, e.g. http://127.0.0.1:8081/apis/registry/v3 */
    public SchemaRegistrar(String apiUrl) {
        this.apiUrl = apiUrl.replaceAll("/+$", "");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** {@code java -cp ... SchemaRegistrar <registry v3 url>} */
    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:8081/apis/registry/v3";
        int count = new SchemaRegistrar(url).registerAll();
        System.out.println("registered " + count + " subjects in " + url);
    }

    /** Registers the value schema of every catalog topic; returns how many subjects were handled. */
    public int registerAll() {
        List<Topic<?>> topics = Topics.all();
        for (Topic<?> topic : topics) {
            register(topic.valueSubject(), SpecificData.get().getSchema(topic.valueType()));
        }
        return topics.size();
    }

    /** Ensures the subject exists with its rules, then that {@code schema} is one of its versions. */
    public void register(String subject, Schema schema) {
        String encoded = URLEncoder.encode(subject, StandardCharsets.UTF_8);
        String artifacts = apiUrl + "/groups/" + GROUP + "/artifacts";
        Map<String, Object> artifact = Map.of("artifactId", subject, "artifactType", "AVRO",
                "firstVersion", Map.of("content", Map.of(
                        "content", schema.toString(), "contentType", "application/json")));
        boolean exists = send(HttpRequest.newBuilder(URI.create(artifacts + "/" + encoded)).GET()).statusCode() == 200;
        if (exists) {
            // Rules first: the new content is checked against every existing version.
            ensureRules(artifacts + "/" + encoded + "/rules", subject);
        }
        // Finds the version with this content, or adds one (which the rules may refuse).
        HttpResponse<String> created = send(post(artifacts + "?ifExists=FIND_OR_CREATE_VERSION", artifact));
        if (created.statusCode() == 409 || created.statusCode() == 400) {
            if (created.body().contains("RuleViolation") || created.body().contains("Incompatible")) {
                throw new IncompatibleSchemaException(subject, created.body());
            }
        }
        expect(created, subject, "register", 200);
        if (!exists) {
            ensureRules(artifacts + "/" + encoded + "/rules", subject);
        }
    }

    private void ensureRules(String rulesUrl, String subject) {
        ensureRule(rulesUrl, subject, "COMPATIBILITY", "BACKWARD_TRANSITIVE");
        ensureRule(rulesUrl, subject, "VALIDITY", "FULL");
    }

    private void ensureRule(String rulesUrl, String subject, String ruleType, String config) {
        HttpResponse<String> added = send(post(rulesUrl, Map.of("ruleType", ruleType, "config", config)));
        if (added.statusCode() == 409) {
            added = send(HttpRequest.newBuilder(URI.create(rulesUrl + "/" + ruleType))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json(Map.of("ruleType", ruleType, "config", config)))));
        }
        expect(added, subject, "set rule " + ruleType, 200, 204);
    }

    private HttpRequest.Builder post(String url, Object body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("schema registry at " + apiUrl + " is unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to the schema registry", e);
        }
    }

    private static void expect(HttpResponse<String> response, String subject, String action, int... accepted) {
        for (int status : accepted) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new IllegalStateException(action + " of subject " + subject + " failed: HTTP " + response.statusCode()
                + " " + response.body());
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
