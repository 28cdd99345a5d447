package dev.showfloor.schemas.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.showfloor.events.inventory.InventoryEvent;
import dev.showfloor.schemas.Topics;
import dev.showfloor.testsupport.ShowfloorInfraExtension;
import dev.showfloor.testsupport.TestInfra;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Against the real Apicurio Registry: subjects with BACKWARD_TRANSITIVE rules, and a breaking change refused. */
@ExtendWith(ShowfloorInfraExtension.class)
class SchemaRegistrarTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyCatalogSubjectIsRegisteredWithABackwardTransitiveRule(TestInfra.Endpoints infra) throws Exception {
        SchemaRegistrar registrar = new SchemaRegistrar(infra.registryApiUrl());
        assertEquals(Topics.all().size(), registrar.registerAll());
        registrar.registerAll(); // a second run changes nothing

        for (var topic : Topics.all()) {
            String artifact = infra.registryApiUrl() + "/groups/default/artifacts/" + topic.valueSubject();
            HttpResponse<String> rule = get(artifact + "/rules/COMPATIBILITY");
            assertEquals(200, rule.statusCode(), topic.valueSubject() + ": " + rule.body());
            assertTrue(rule.body().contains("BACKWARD_TRANSITIVE"), rule.body());
            HttpResponse<String> versions = get(artifact + "/versions");
            assertTrue(versions.body().contains("\"count\":1"), topic.valueSubject() + ": " + versions.body());
        }
    }

    @Test
    void theRegistryRefusesAnIncompatibleSchemaAndAcceptsACompatibleOne(TestInfra.Endpoints infra) {
        SchemaRegistrar registrar = new SchemaRegistrar(infra.registryApiUrl());
        String subject = "scratch.inventory-events-value";
        Schema released = InventoryEvent.getClassSchema();
        registrar.register(subject, released);

        String json = released.toString();
        String holdPlacedQuantity = "{\"name\":\"quantity\",\"type\":\"int\"";
        assertTrue(json.contains(holdPlacedQuantity));
        Schema typeChanged = new Schema.Parser().parse(json.replaceFirst(java.util.regex.Pattern.quote(
                holdPlacedQuantity), "{\"name\":\"quantity\",\"type\":\"string\""));
        var refused = assertThrows(SchemaRegistrar.IncompatibleSchemaException.class,
                () -> registrar.register(subject, typeChanged));
        assertEquals(subject, refused.subject());

        Schema withOptionalField = new Schema.Parser().parse(json.replaceFirst(java.util.regex.Pattern.quote(
                holdPlacedQuantity), "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null,"
                + "\"doc\":\"added later\"}," + holdPlacedQuantity));
        registrar.register(subject, withOptionalField);
        assertTrue(get(infra.registryApiUrl() + "/groups/default/artifacts/" + subject + "/versions").body()
                .contains("\"count\":2"));
    }

    private HttpResponse<String> get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
