package dev.showfloor.inventory.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.showfloor.streamskit.DeadLetterDeserializationHandler;
import dev.showfloor.runtime.Await;
import dev.showfloor.schemas.Topics;
import dev.showfloor.testsupport.DeadLetters;
import dev.showfloor.testsupport.TestInfra;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The REST API on the real broker and registry, through the running topology. */
@QuarkusTest
@WithTestResource(value = InventoryInfraResource.class, scope = TestResourceScope.GLOBAL)
class InventoryApiTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void aReceiptBecomesVisibleStockAndARetryIsAppliedOnce() {
        for (int attempt = 0; attempt < 2; attempt++) {
            given().contentType(ContentType.JSON).header("Idempotency-Key", "delivery-4711")
                    .body("{\"quantity\": 5, \"reference\": \"delivery 4711\"}")
                    .post("/inventory/api-loc/tee/receipts")
                    .then().statusCode(202).header("Location", "/inventory/api-loc/tee");
        }
        given().contentType(ContentType.JSON).body("{\"quantity\": 2}")
                .post("/inventory/api-loc/tee/receipts").then().statusCode(202);

        awaitOnHand("api-loc", "tee", 7);
        given().get("/inventory/api-loc/tee").then().statusCode(200)
                .body("available", equalTo(7)).body("lowStock", equalTo(false));
    }

    @Test
    void aCountReplacesOnHandAndLowStockIsListed() {
        given().contentType(ContentType.JSON).body("{\"quantity\": 9}")
                .post("/inventory/api-loc/cap/receipts").then().statusCode(202);
        awaitOnHand("api-loc", "cap", 9);

        given().contentType(ContentType.JSON).body("{\"countedOnHand\": 2, \"reason\": \"damaged in transit\"}")
                .post("/inventory/api-loc/cap/adjustments").then().statusCode(202);

        awaitOnHand("api-loc", "cap", 2);
        given().get("/inventory/api-loc?lowStock=true").then().statusCode(200)
                .body("sku", hasItem("cap"));
    }

    @Test
    void invalidInputIsRefusedWithTheFieldNamed() {
        given().contentType(ContentType.JSON).body("{\"quantity\": 0}")
                .post("/inventory/api-loc/tee/receipts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("quantity"));
        given().contentType(ContentType.JSON).body("{\"quantity\": 1}")
                .post("/inventory/api-loc/bad sku!/receipts")
                .then().statusCode(400).body("errors.field", hasItem("sku"));
        given().contentType(ContentType.JSON).body("{\"countedOnHand\": 3}")
                .post("/inventory/api-loc/tee/adjustments")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().get("/inventory/api-loc/never-received").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aPoisonCommandGoesToTheDeadLetterTopicAndProcessingContinues() throws Exception {
        String bootstrap = TestInfra.endpoints().bootstrapServers();
        DeadLetters.poison(bootstrap, Topics.INVENTORY_COMMANDS.name(), "api-loc:poison".getBytes(StandardCharsets.UTF_8),
                "not avro at all".getBytes(StandardCharsets.UTF_8));
        given().contentType(ContentType.JSON).body("{\"quantity\": 3}")
                .post("/inventory/api-loc/after-poison/receipts").then().statusCode(202);

        awaitOnHand("api-loc", "after-poison", 3);
        List<ConsumerRecord<byte[], byte[]>> dead = DeadLetters.read(bootstrap, Topics.INVENTORY_COMMANDS.dlq(), 1, DEADLINE);
        assertThat(dead).anySatisfy(record -> {
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("not avro at all");
            assertThat(record.headers().lastHeader(DeadLetterDeserializationHandler.HEADER_PREFIX + "error.class"))
                    .isNotNull();
            assertThat(new String(record.headers().lastHeader(DeadLetterDeserializationHandler.HEADER_PREFIX
                    + "topic").value(), StandardCharsets.UTF_8)).isEqualTo(Topics.INVENTORY_COMMANDS.name());
        });
    }

    private static void awaitOnHand(String locationId, String sku, int onHand) {
        String[] last = {"no answer"};
        try {
            Await.until(sku + " on hand reaching " + onHand, DEADLINE, () -> {
                var response = given().get("/inventory/" + locationId + "/" + sku);
                last[0] = response.statusCode() + " " + response.asString();
                return response.statusCode() == 200 && response.jsonPath().getInt("onHand") == onHand;
            });
        } catch (IllegalStateException timedOut) {
            throw new AssertionError(timedOut.getMessage() + "; last answer: " + last[0], timedOut);
        }
    }
}
