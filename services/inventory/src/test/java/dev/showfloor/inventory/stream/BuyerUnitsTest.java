package dev.showfloor.inventory.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showfloor.streamskit.StateStores;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/** Buyer counts in their store, and the in-memory index of when each is forgotten. */
class BuyerUnitsTest {
    private static final Duration WINDOW = Duration.ofDays(30);
    private static final long DAY = Duration.ofDays(1).toMillis();
    private final KeyValueStore<String, BuyerUnits.Count> store = StateStores.byKey(StateStores.Kind.MEMORY,
            "buyer-counts", Serdes.String(), InventoryStateSerdes.buyerCounts()).withLoggingDisabled().build();

    BuyerUnitsTest() {
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    @Test
    void aCountIsForgottenOneWindowAfterItsLastChange() {
        BuyerUnits units = BuyerUnits.of(store, WINDOW);
        units.units("lis-01:tee|drop-1|shp-a", 2, 0);
        units.units("lis-01:tee|drop-1|shp-a", 1, 10 * DAY); // the last change restarts the window

        units.forgetDue(30 * DAY + 1);
        assertThat(units.units("lis-01:tee|drop-1|shp-a", 30 * DAY + 1)).isEqualTo(1);
        assertThat(units.units("lis-01:tee|drop-1|shp-a", 40 * DAY + 1)).as("past the window, even if still stored")
                .isZero();
        units.forgetDue(40 * DAY + 1);
        assertThat(store.get("lis-01:tee|drop-1|shp-a")).isNull();
        assertThat(units.size()).isZero();
    }

    @Test
    void aCountAtZeroLeavesTheStoreAndTheIndexAtOnce() {
        BuyerUnits units = BuyerUnits.of(store, WINDOW);
        units.units("lis-01:tee|drop-1|shp-a", 1, 0);
        units.units("lis-01:tee|drop-1|shp-b", 2, 0);

        units.units("lis-01:tee|drop-1|shp-a", 0, DAY);

        assertThat(store.get("lis-01:tee|drop-1|shp-a")).isNull();
        assertThat(units.units("lis-01:tee|drop-1|shp-a", DAY)).isZero();
        assertThat(units.size()).isEqualTo(1);
    }

    @Test
    void aRestartedTaskFindsWhenEveryStoredCountIsForgotten() {
        store.put("lis-01:tee|drop-1|shp-a", new BuyerUnits.Count(2, 0));
        store.put("lis-01:tee|drop-1|shp-b", new BuyerUnits.Count(1, 5 * DAY));

        BuyerUnits units = BuyerUnits.of(store, WINDOW);

        assertThat(units.size()).isEqualTo(2);
        units.forgetDue(30 * DAY + 1);
        assertThat(store.get("lis-01:tee|drop-1|shp-a")).isNull();
        assertThat(store.get("lis-01:tee|drop-1|shp-b").units()).isEqualTo(1);
        assertThat(units.size()).isEqualTo(1);
    }
}
