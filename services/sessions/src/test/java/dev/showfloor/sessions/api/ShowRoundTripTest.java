package dev.showfloor.sessions.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.showfloor.runtime.Await;
import dev.showfloor.schemas.Topics;
import dev.showfloor.testsupport.ShowfloorInfraResource;
import dev.showfloor.testsupport.TestInfra;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A show goes out through Kafka with its schema in the real registry and comes back into the directory. */
@QuarkusTest
@WithTestResource(value = ShowfloorInfraResource.class, scope = TestResourceScope.GLOBAL)
class ShowRoundTripTest {

    @Test
    void scheduledShowRoundTripsThroughKafkaAndItsSchemaIsRegistered() throws Exception {
        String location = given().contentType(ContentType.JSON)
                .body("""
                        {"name": "Lisbon pop-up", "locationId": "lis-01", "neighbourhood": "Chiado",
                         "floorArea": 42.5, "floorAreaUnit": "SQUARE_METRE",
                         "openWindows": [{"opensAt": "2026-12-05T10:00:00Z", "closesAt": "2026-12-05T18:00:00Z"}]}""")
                .when().post("/shows")
                .then().statusCode(202)
                .body("name", equalTo("Lisbon pop-up"))
                .extract().header("Location");
        String showId = location.substring(location.lastIndexOf('/') + 1);

        Await.until("show " + showId + " folded back from Kafka", Duration.ofSeconds(30),
                () -> given().get("/shows/" + showId).statusCode() == 200);
        given().get("/shows/" + showId).then()
                .body("locationId", equalTo("lis-01"))
                .body("floorAreaSquareMetres", equalTo(42.5f))
                .body("openWindows[0].closesAt", equalTo("2026-12-05T18:00:00Z"));

        HttpResponse<String> schema = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        TestInfra.endpoints().registryApiUrl() + "/groups/default/artifacts/"
                                + Topics.SHOW_EVENTS.valueSubject() + "/versions/branch=latest/content")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, schema.statusCode(), schema.body());
        assertTrue(schema.body().contains("\"ShowEvent\"") && schema.body().contains("ShowScheduled"), schema.body());
    }

    @Test
    void invalidShowIsRefusedWithAProblemDocument() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"name": "No floor", "locationId": "lis-01", "neighbourhood": "Chiado",
                         "floorArea": -1}""")
                .when().post("/shows")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("floorArea"));
    }

    @Test
    void unknownShowIsA404Problem() {
        given().get("/shows/show-does-not-exist").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void readinessIncludesTheSchemaRegistry() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("schema-registry"));
    }
}
