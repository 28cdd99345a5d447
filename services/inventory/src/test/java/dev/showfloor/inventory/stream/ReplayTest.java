package dev.showfloor.inventory.stream;

import static dev.showfloor.inventory.stream.Commands.allocate;
import static dev.showfloor.inventory.stream.Commands.commit;
import static dev.showfloor.inventory.stream.Commands.count;
import static dev.showfloor.inventory.stream.Commands.dropHold;
import static dev.showfloor.inventory.stream.Commands.edgeHold;
import static dev.showfloor.inventory.stream.Commands.giveBack;
import static dev.showfloor.inventory.stream.Commands.hold;
import static dev.showfloor.inventory.stream.Commands.receive;
import static dev.showfloor.inventory.stream.Commands.release;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showfloor.inventory.domain.InventoryPolicy;
import dev.showfloor.inventory.domain.StockLedger;
import dev.showfloor.inventory.domain.StockPosition;
import dev.showfloor.streamskit.StateStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** State is a fold of events: folding inventory.events from the first record gives exactly the store. */
class ReplayTest {

    @ParameterizedTest
    @EnumSource(StateStores.Kind.class)
    void foldingTheEventLogRebuildsEveryStoredPosition(StateStores.Kind stores) {
        Random random = new Random(20261205);
        List<String> skus = List.of("tee", "cap", "sneaker");
        List<String> holdIds = new ArrayList<>();
        try (InventoryDriver inventory = new InventoryDriver(InventoryPolicy.DEFAULT, stores)) {
            skus.forEach(sku -> inventory.send(receive(sku, 40)));
            for (int step = 0; step < 1_500; step++) {
                String sku = skus.get(random.nextInt(skus.size()));
                String someHold = holdIds.isEmpty() ? "none" : holdIds.get(random.nextInt(holdIds.size()));
                String newHold = "h" + step;
                switch (random.nextInt(12)) {
                    case 0, 1, 2 -> { inventory.send(hold(sku, newHold, 1 + random.nextInt(3), 5_000 + random.nextInt(20_000))); holdIds.add(newHold); }
                    case 3 -> { inventory.send(dropHold(sku, newHold, 1, "drop-1", "s" + random.nextInt(20), 2)); holdIds.add(newHold); }
                    case 4 -> { inventory.send(edgeHold(sku, newHold, 1, "edge-" + random.nextInt(2))); holdIds.add(newHold); }
                    case 5, 6 -> inventory.send(commit(sku, someHold));
                    case 7 -> inventory.send(release(sku, someHold));
                    case 8 -> inventory.send(allocate(sku, "edge-" + random.nextInt(2), 1 + random.nextInt(3)));
                    case 9 -> inventory.send(giveBack(sku, "edge-" + random.nextInt(2), 1));
                    case 10 -> inventory.send(receive(sku, 1 + random.nextInt(5)));
                    default -> {
                        if (random.nextInt(10) == 0) {
                            inventory.send(count(sku, 20 + random.nextInt(20)));
                        } else {
                            inventory.advance(Duration.ofSeconds(1 + random.nextInt(5)));
                        }
                    }
                }
            }

            StockLedger ledger = new StockLedger();
            inventory.history().forEach(ledger::apply);

            Map<String, StockPosition> stored = new TreeMap<>();
            try (var all = inventory.positions().all()) {
                all.forEachRemaining((KeyValue<String, StockPosition> entry) -> stored.put(entry.key, entry.value));
            }
            assertThat(ledger.entries().keySet()).isEqualTo(stored.keySet());
            stored.forEach((key, position) -> {
                StockLedger.Entry folded = ledger.entries().get(key);
                assertThat(folded.onHand()).as(key + " on hand").isEqualTo(position.onHand());
                Map<String, Integer> storedHolds = inventory.holds(key);
                assertThat(folded.holds()).as(key + " holds").isEqualTo(storedHolds);
                assertThat(position.held()).as(key + " held").isEqualTo(
                        storedHolds.values().stream().mapToInt(Integer::intValue).sum());
                assertThat(folded.escrow()).as(key + " escrow").isEqualTo(position.escrow());
            });
            assertThat(inventory.history()).as("the run exercised the log").hasSizeGreaterThan(1_000);
        }
    }
}
