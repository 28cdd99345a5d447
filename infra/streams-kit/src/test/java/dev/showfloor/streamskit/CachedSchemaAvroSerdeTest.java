package dev.showfloor.streamskit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showfloor.events.common.Envelope;
import dev.showfloor.events.inventory.HoldReleaseReason;
import dev.showfloor.events.inventory.HoldReleased;
import dev.showfloor.events.inventory.InventoryEvent;
import dev.showfloor.events.inventory.PlaceHold;
import dev.showfloor.events.inventory.InventoryCommand;
import dev.showfloor.testsupport.ShowfloorInfraExtension;
import dev.showfloor.testsupport.TestInfra;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The cached serde pair is wire-compatible with Apicurio's in both directions, on the real registry. */
@ExtendWith(ShowfloorInfraExtension.class)
class CachedSchemaAvroSerdeTest {
    private static final String TOPIC = "serde-test.commands";

    @Test
    void writesWhatApicurioReadsAndReadsWhatApicurioWrites(TestInfra.Endpoints infra) {
        Map<String, Object> config = Map.of("apicurio.registry.url", infra.registryApiUrl(),
                "apicurio.registry.auto-register", "true", "apicurio.registry.use-specific-avro-reader", "true");
        // Byte-for-byte equal to Apicurio's serializer means Apicurio's deserializer reads ours by construction; it
        // is not called here because its registry client (Vert.x) has hung on a lookup that never left the JVM.
        // Its serializer has lost an answer too (a registration whose request never completed, 2026-12-06), so
        // every call that may reach the registry is asked again after a deadline, as the services' serdes do.
        try (var cached = new CachedSchemaAvroSerializer<InventoryCommand>();
             var cachedReader = new CachedSchemaAvroDeserializer<InventoryCommand>();
             var apicurio = new AvroKafkaSerializer<InventoryCommand>()) {
            cached.configure(config, false);
            cachedReader.configure(config, false);
            apicurio.configure(config, false);

            for (int i = 0; i < 3; i++) { // the first record learns the prefix, the later ones use it
                InventoryCommand command = placeHold("cmd-" + i, i + 1);
                RecordHeaders headers = new RecordHeaders();
                byte[] ours = askingAgainOnLostAnswers(() -> cached.serialize(TOPIC, headers, command));
                byte[] theirs = askingAgainOnLostAnswers(() -> apicurio.serialize(TOPIC, command));
                assertThat(ours).isEqualTo(theirs);
                assertThat(headers.toArray()).isEmpty();
                assertThat(askingAgainOnLostAnswers(() -> cachedReader.deserialize(TOPIC, new RecordHeaders(), theirs)))
                        .isEqualTo(command);
            }
        }
    }

    @Test
    void keepsOnePrefixPerTopicAndSchema(TestInfra.Endpoints infra) {
        Map<String, Object> config = Map.of("apicurio.registry.url", infra.registryApiUrl(),
                "apicurio.registry.auto-register", "true", "apicurio.registry.use-specific-avro-reader", "true");
        try (var cached = new CachedSchemaAvroSerializer<Object>();
             var reader = new CachedSchemaAvroDeserializer<Object>()) {
            cached.configure(config, false);
            reader.configure(config, false);
            InventoryCommand command = placeHold("cmd-x", 2);
            InventoryEvent event = new InventoryEvent(envelope(),
                    new HoldReleased("cmd-r", "loc-1", "sku-1", "hold-1", "order-1", 2, HoldReleaseReason.ORDER_REJECTED));
            for (int i = 0; i < 2; i++) {
                byte[] commandBytes = askingAgainOnLostAnswers(() -> cached.serialize("serde-test.a", command));
                byte[] eventBytes = askingAgainOnLostAnswers(() -> cached.serialize("serde-test.b", event));
                assertThat(askingAgainOnLostAnswers(() -> reader.deserialize("serde-test.a", commandBytes)))
                        .isEqualTo(command);
                assertThat(askingAgainOnLostAnswers(() -> reader.deserialize("serde-test.b", eventBytes)))
                        .isEqualTo(event);
            }
        }
    }

    /** A registry call with the services' deadline and retry (RegistryFailures): a lost answer is asked again. */
    private static <T> T askingAgainOnLostAnswers(Supplier<T> call) {
        return RegistryFailures.waitOut("serde test", () -> RegistryFailures.withDeadline("serde test", call));
    }

    private static InventoryCommand placeHold(String commandId, int quantity) {
        return new InventoryCommand(envelope(), new PlaceHold(commandId, "loc-1", "sku-1", "hold-" + commandId,
                "order-1", quantity, 30_000L, null, "shopper-1", 2, null));
    }

    private static Envelope envelope() {
        return Envelope.newBuilder().setEventId("evt-1").setOccurredAt(Instant.ofEpochMilli(1_700_000_000_000L))
                .setCorrelationId("corr-1").setCausationId(null).setProducer("test").setShopperId(null).build();
    }
}
