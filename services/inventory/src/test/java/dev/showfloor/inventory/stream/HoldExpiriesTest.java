package dev.showfloor.inventory.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showfloor.inventory.domain.StockPosition;
import dev.showfloor.streamskit.StateStores;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/** The in-memory expiry index a task derives from its holds store when it starts (or restarts). */
class HoldExpiriesTest {

    @Test
    void aRestartedTaskFindsEveryOpenHoldsExpiryInItsHoldsStore() {
        KeyValueStore<String, StockPosition.Hold> holds = StateStores.byKey(StateStores.Kind.MEMORY, "holds",
                Serdes.String(), InventoryStateSerdes.holds()).withLoggingDisabled().build();
        holds.init(new MockProcessorContext<>().getStateStoreContext(), holds);
        holds.put("lis-01:tee|h-late", hold("h-late", 3_000));
        holds.put("lis-01:tee|h|with|bars", hold("h|with|bars", 1_000));
        holds.put("lis-01:cap|h-cap", hold("h-cap", 2_000));

        HoldExpiries expiries = HoldExpiries.of(holds);

        assertThat(expiries.size()).isEqualTo(3);
        assertThat(expiries.takeDue(999)).isEmpty();
        assertThat(expiries.takeDue(2_000)).containsExactly(
                Map.entry("lis-01:tee", List.of("h|with|bars")), Map.entry("lis-01:cap", List.of("h-cap")));
        expiries.schedule(2_500, "lis-01:cap", "h-new");
        assertThat(expiries.takeDue(5_000)).containsExactly(
                Map.entry("lis-01:cap", List.of("h-new")), Map.entry("lis-01:tee", List.of("h-late")));
        assertThat(expiries.size()).isZero();
    }

    @Test
    void aHoldThatEndsBeforeItsExpiryLeavesTheIndexAtOnce() {
        KeyValueStore<String, StockPosition.Hold> holds = StateStores.byKey(StateStores.Kind.MEMORY, "holds",
                Serdes.String(), InventoryStateSerdes.holds()).withLoggingDisabled().build();
        holds.init(new MockProcessorContext<>().getStateStoreContext(), holds);
        HoldExpiries expiries = HoldExpiries.of(holds);
        StoreHoldBook book = new StoreHoldBook("lis-01:tee", holds, null, null, expiries, 0);
        StockPosition.Hold sold = hold("h-sold", 3_600_000);
        StockPosition.Hold open = hold("h-open", 3_600_000);
        for (StockPosition.Hold placed : List.of(sold, open)) {
            book.put(placed);
            expiries.schedule(placed.expiresAtMillis(), "lis-01:tee", placed.holdId());
        }

        book.remove(sold);

        assertThat(holds.get("lis-01:tee|h-sold")).isNull();
        assertThat(expiries.size()).as("only the open hold waits for its hour").isEqualTo(1);
        assertThat(expiries.takeDue(3_600_000)).containsExactly(Map.entry("lis-01:tee", List.of("h-open")));
    }

    private static StockPosition.Hold hold(String holdId, long expiresAtMillis) {
        return new StockPosition.Hold(holdId, "order-" + holdId, "cmd-" + holdId, 1, expiresAtMillis, null, null, null);
    }
}
