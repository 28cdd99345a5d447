package dev.showfloor.inventory.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.showfloor.inventory.domain.StockPosition;
import dev.showfloor.streamskit.JsonSerde;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class InventoryStateSerdesTest {
    private static final String TOPIC = "inventory-holds-changelog";

    @Test
    void positionsSurviveTheirBinaryFormEscrowIncluded() {
        Serde<StockPosition> serde = InventoryStateSerdes.positions();
        StockPosition position = StockPosition.restore("lis-01", "tee-m", 40, 7, Map.of("edge-a", 3, "edge-b", 2));

        StockPosition back = serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, position));

        assertThat(back.locationId()).isEqualTo("lis-01");
        assertThat(back.sku()).isEqualTo("tee-m");
        assertThat(back.onHand()).isEqualTo(40);
        assertThat(back.held()).isEqualTo(7);
        assertThat(back.escrow()).containsExactlyInAnyOrderEntriesOf(Map.of("edge-a", 3, "edge-b", 2));
        assertThat(back.available()).isEqualTo(28);
    }

    @Test
    void holdsSurviveTheirBinaryFormWithAndWithoutOptionalFields() {
        Serde<StockPosition.Hold> serde = InventoryStateSerdes.holds();
        var full = new StockPosition.Hold("h1", "ord-1", "cmd-1", 2, 1_800_000_000_000L, "drop-9", "shp-4", "edge-a");
        var bare = new StockPosition.Hold("h|2", null, "cmd-2", 1, 5L, null, null, null);

        for (StockPosition.Hold hold : new StockPosition.Hold[] {full, bare}) {
            assertThat(serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, hold)))
                    .isEqualTo(hold);
        }
    }

    @Test
    void jsonWrittenByEarlierVersionsIsStillRead() {
        var hold = new StockPosition.Hold("h1", "ord-1", "cmd-1", 2, 99L, null, "shp-4", null);
        byte[] legacy = JsonSerde.of(StockPosition.Hold.class).serializer().serialize(TOPIC, hold);

        assertThat(InventoryStateSerdes.holds().deserializer().deserialize(TOPIC, legacy)).isEqualTo(hold);
    }

    @Test
    void anUnknownFormatIsAClearError() {
        assertThatThrownBy(() -> InventoryStateSerdes.holds().deserializer().deserialize(TOPIC, new byte[] {9, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown hold format 9");
    }
}
