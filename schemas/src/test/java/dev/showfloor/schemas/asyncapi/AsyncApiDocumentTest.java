package dev.showfloor.schemas.asyncapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.asyncapi.v3._0_0.model.AsyncAPI;
import com.asyncapi.v3._0_0.model.channel.Channel;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.showfloor.schemas.TopicCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AsyncApiDocumentTest {
    private static final Path COMMITTED = Path.of("../docs/asyncapi.yaml");

    /** Fails when the catalog or a schema changed but docs/asyncapi.yaml was not regenerated. */
    @Test
    void committedDocumentIsUpToDate() throws Exception {
        String generated = AsyncApiDocument.render(TopicCatalog.get().entries());
        if (Boolean.getBoolean("showfloor.update-docs")) {
            Files.writeString(COMMITTED, generated);
        }
        assertTrue(Files.exists(COMMITTED), "docs/asyncapi.yaml is missing; run "
                + "./mvnw -pl schemas test -Dshowfloor.update-docs=true");
        assertEquals(generated, Files.readString(COMMITTED), "docs/asyncapi.yaml is out of date; run "
                + "./mvnw -pl schemas test -Dshowfloor.update-docs=true and commit the result");
    }

    /** Parses the committed document with AsyncAPI's Java model for 3.0.0; unknown keys fail the parse. */
    @Test
    void committedDocumentParsesAsAsyncApi3() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        AsyncAPI document = yaml.readValue(COMMITTED.toFile(), AsyncAPI.class);

        assertEquals("3.0.0", document.getAsyncapi());
        Set<String> addresses = document.getChannels().values().stream()
                .map(channel -> ((Channel) channel).getAddress()).collect(Collectors.toSet());
        assertEquals(TopicCatalog.get().entries().stream().map(TopicCatalog.Entry::name).collect(Collectors.toSet()),
                addresses);
        assertFalse(document.getOperations().isEmpty());
        // One message per value type; topics that carry the same type share it.
        assertEquals(TopicCatalog.get().entries().stream().map(TopicCatalog.Entry::value).distinct().count(),
                (long) document.getComponents().getMessages().size());
    }

    @Test
    void channelIdsAreCamelCasedTopicNames() {
        assertEquals("sessionsShowEvents", AsyncApiDocument.camel("sessions.show-events"));
        assertEquals("kpiRevenuePerSquareHour", AsyncApiDocument.camel("kpi.revenue-per-square-hour"));
    }
}
