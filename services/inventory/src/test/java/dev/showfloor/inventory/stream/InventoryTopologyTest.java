package dev.showfloor.inventory.stream;

import static dev.showfloor.inventory.stream.Commands.LOC;
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

import dev.showfloor.events.inventory.CommandRejectionReason;
import dev.showfloor.events.inventory.EscrowAllocated;
import dev.showfloor.events.inventory.EscrowReturned;
import dev.showfloor.events.inventory.HoldCommitted;
import dev.showfloor.events.inventory.HoldExpired;
import dev.showfloor.events.inventory.HoldPlaced;
import dev.showfloor.events.inventory.HoldRejected;
import dev.showfloor.events.inventory.HoldRejectionReason;
import dev.showfloor.events.inventory.HoldReleased;
import dev.showfloor.events.inventory.InventoryCommandRejected;
import dev.showfloor.events.inventory.PlaceHold;
import dev.showfloor.events.inventory.StockAdjusted;
import dev.showfloor.events.inventory.StockLevel;
import dev.showfloor.events.inventory.StockReceived;
import dev.showfloor.inventory.domain.InventoryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InventoryTopologyTest {
    private final InventoryDriver inventory = new InventoryDriver(InventoryPolicy.DEFAULT);

    @AfterEach
    void close() {
        inventory.close();
    }

    @Test
    void punctuatesOnlyWhenALevelIsToBePublishedOrAHoldFallsDue() {
        // Each punctuation commits the task, a transaction under exactly-once, so an idle task must not punctuate.
        inventory.advance(Duration.ofMinutes(10));
        assertThat(inventory.punctuations()).as("idle").isZero();

        inventory.send(receive("tee", 5));
        inventory.advance(Duration.ofMinutes(10));
        inventory.advance(Duration.ofMinutes(10));
        assertThat(inventory.punctuations()).as("the changed level published once").isEqualTo(1);

        assertThat(inventory.send(hold("tee", "h1", 1, 60_000))).singleElement().isInstanceOf(HoldPlaced.class);
        inventory.advance(InventoryDriver.LEVEL_INTERVAL);
        assertThat(inventory.punctuations()).as("its level").isEqualTo(2);
        assertThat(inventory.advance(Duration.ofSeconds(59))).as("not due yet").isEmpty();
        assertThat(inventory.advance(Duration.ofSeconds(1))).singleElement().isInstanceOf(HoldExpired.class);
        inventory.advance(InventoryDriver.LEVEL_INTERVAL);
        inventory.advance(Duration.ofMinutes(10));
        assertThat(inventory.punctuations()).as("the expiry and the level it changed, then nothing").isEqualTo(4);
    }

    @Test
    void aHoldSucceedsOnlyWhileAvailableCoversIt() {
        assertThat(inventory.send(receive("tee", 3))).singleElement().isInstanceOf(StockReceived.class);

        assertThat(inventory.send(hold("tee", "h1", 2, 60_000))).singleElement().isInstanceOf(HoldPlaced.class);
        List<Object> second = inventory.send(hold("tee", "h2", 2, 60_000));

        assertThat(second).singleElement().isInstanceOfSatisfying(HoldRejected.class, rejected -> {
            assertThat(rejected.getReason()).isEqualTo(HoldRejectionReason.INSUFFICIENT_STOCK);
            assertThat(rejected.getAvailable()).isEqualTo(1);
        });
        StockLevel level = inventory.level(LOC, "tee");
        assertThat(level.getOnHand()).isEqualTo(3);
        assertThat(level.getHeld()).isEqualTo(2);
        assertThat(level.getAvailable()).isEqualTo(1);
    }

    @Test
    void aBusySkuPublishesOneStockLevelPerIntervalWithItsLatestNumbers() {
        inventory.send(receive("tee", 10));
        inventory.send(receive("cap", 4));
        for (int i = 0; i < 5; i++) {
            inventory.send(hold("tee", "h" + i, 1, 60_000));
        }
        inventory.send(hold("cap", "c1", 3, 60_000));

        var published = inventory.publishedLevels();

        assertThat(published).extracting(level -> level.key).containsExactlyInAnyOrder(LOC + ":tee", LOC + ":cap");
        assertThat(published).filteredOn(level -> level.key.endsWith(":tee")).singleElement()
                .satisfies(level -> assertThat(level.value.getAvailable()).isEqualTo(5));
        assertThat(published).filteredOn(level -> level.key.endsWith(":cap")).singleElement()
                .satisfies(level -> assertThat(level.value.getLowStock()).isTrue());
        assertThat(inventory.publishedLevels()).as("nothing changed since").isEmpty();
    }

    @Test
    void commandsMadeForAnOrderAreAnsweredToThatOrder() {
        inventory.send(receive("tee", 1));
        inventory.send(hold("tee", "h1", 1, 60_000));
        inventory.send(hold("tee", "h2", 1, 60_000));
        inventory.send(commit("tee", "h1"));
        inventory.send(release("tee", "h2")); // names no order: answered on inventory.events only

        List<Map.Entry<String, Object>> answers = inventory.answers();
        assertThat(answers).extracting(Map.Entry::getKey).containsExactly("order-h1", "order-h2", "order-h1");
        assertThat(answers).extracting(answer -> answer.getValue().getClass().getSimpleName())
                .containsExactly("HoldPlaced", "HoldRejected", "HoldCommitted");
    }

    @Test
    void anOverdueHoldExpiresOnTheWallClockAndItsUnitsReturn() {
        inventory.send(receive("tee", 1));
        inventory.send(hold("tee", "h1", 1, 30_000));

        assertThat(inventory.advance(Duration.ofSeconds(10))).isEmpty();
        List<Object> expired = inventory.advance(Duration.ofSeconds(21));

        assertThat(expired).singleElement().isInstanceOfSatisfying(HoldExpired.class,
                event -> assertThat(event.getHoldId()).isEqualTo("h1"));
        assertThat(inventory.level(LOC, "tee").getAvailable()).isEqualTo(1);
        assertThat(inventory.send(commit("tee", "h1"))).singleElement()
                .isInstanceOfSatisfying(InventoryCommandRejected.class,
                        rejected -> assertThat(rejected.getReason()).isEqualTo(CommandRejectionReason.HOLD_EXPIRED));
        assertThat(inventory.send(hold("tee", "h2", 1, 30_000))).singleElement().isInstanceOf(HoldPlaced.class);
    }

    @Test
    void commitSellsTheUnitsAndLateCommandsAreAnsweredClearly() {
        inventory.send(receive("tee", 5));
        inventory.send(hold("tee", "h1", 2, 60_000));

        assertThat(inventory.send(commit("tee", "h1"))).singleElement().isInstanceOf(HoldCommitted.class);
        StockLevel level = inventory.level(LOC, "tee");
        assertThat(level.getOnHand()).isEqualTo(3);
        assertThat(level.getHeld()).isZero();

        assertThat(rejectionReason(inventory.send(release("tee", "h1"))))
                .isEqualTo(CommandRejectionReason.HOLD_ALREADY_COMMITTED);
        assertThat(rejectionReason(inventory.send(commit("tee", "h1"))))
                .isEqualTo(CommandRejectionReason.HOLD_ALREADY_COMMITTED);
        assertThat(rejectionReason(inventory.send(commit("tee", "never-placed"))))
                .isEqualTo(CommandRejectionReason.UNKNOWN_HOLD);
        assertThat(inventory.advance(Duration.ofMinutes(5))).as("a committed hold never expires").isEmpty();
    }

    @Test
    void releaseReturnsUnitsAndIsAnsweredOnce() {
        inventory.send(receive("tee", 1));
        inventory.send(hold("tee", "h1", 1, 60_000));

        assertThat(inventory.send(release("tee", "h1"))).singleElement().isInstanceOf(HoldReleased.class);
        assertThat(rejectionReason(inventory.send(release("tee", "h1"))))
                .isEqualTo(CommandRejectionReason.HOLD_ALREADY_RELEASED);
        assertThat(inventory.level(LOC, "tee").getAvailable()).isEqualTo(1);
    }

    @Test
    void aShopperCannotHoldMoreThanTheDropsCapButOthersCan() {
        inventory.send(receive("sneaker", 10));

        assertThat(inventory.send(dropHold("sneaker", "a1", 2, "drop-1", "shopper-a", 2))).singleElement()
                .isInstanceOf(HoldPlaced.class);
        assertThat(inventory.send(dropHold("sneaker", "a2", 1, "drop-1", "shopper-a", 2))).singleElement()
                .isInstanceOfSatisfying(HoldRejected.class, rejected ->
                        assertThat(rejected.getReason()).isEqualTo(HoldRejectionReason.BUYER_CAP_EXCEEDED));
        assertThat(inventory.send(dropHold("sneaker", "b1", 2, "drop-1", "shopper-b", 2))).singleElement()
                .isInstanceOf(HoldPlaced.class);
        assertThat(inventory.send(dropHold("sneaker", "a3", 1, "drop-2", "shopper-a", 2))).as("another drop")
                .singleElement().isInstanceOf(HoldPlaced.class);

        inventory.send(release("sneaker", "a1"));
        assertThat(inventory.send(dropHold("sneaker", "a4", 2, "drop-1", "shopper-a", 2)))
                .as("a released hold no longer counts").singleElement().isInstanceOf(HoldPlaced.class);
        inventory.send(commit("sneaker", "a4"));
        assertThat(inventory.send(dropHold("sneaker", "a5", 1, "drop-1", "shopper-a", 2)))
                .as("a purchase keeps counting").singleElement().isInstanceOf(HoldRejected.class);
    }

    @Test
    void aShoppersUnitsInADropCountForTheBuyerCapWindowAfterTheirLastChangeAndThenGo() {
        inventory.send(receive("sneaker", 10));
        Duration window = InventoryPolicy.DEFAULT.buyerCapWindow();
        inventory.send(dropHold("sneaker", "a1", 2, "drop-1", "shopper-a", 2));
        inventory.send(commit("sneaker", "a1"));

        inventory.advance(window.minusMinutes(1));
        assertThat(inventory.send(dropHold("sneaker", "a2", 1, "drop-1", "shopper-a", 2)))
                .as("a purchase inside the window still counts").singleElement()
                .isInstanceOfSatisfying(HoldRejected.class, rejected ->
                        assertThat(rejected.getReason()).isEqualTo(HoldRejectionReason.BUYER_CAP_EXCEEDED));

        inventory.advance(Duration.ofMinutes(2));
        assertThat(inventory.send(dropHold("sneaker", "a3", 2, "drop-1", "shopper-a", 2)))
                .as("past the window the count is forgotten").singleElement().isInstanceOf(HoldPlaced.class);
        assertThat(inventory.send(dropHold("sneaker", "a4", 1, "drop-1", "shopper-a", 2)))
                .as("and the new hold counts again").singleElement().isInstanceOf(HoldRejected.class);
    }

    @Test
    void aShoppersLatestCountInsideTheWindowIsTheOneThatCounts() {
        inventory.send(receive("sneaker", 10));
        inventory.send(dropHold("sneaker", "a1", 2, "drop-1", "shopper-a", 2));
        inventory.advance(Duration.ofSeconds(10));
        inventory.send(release("sneaker", "a1"));
        inventory.advance(Duration.ofSeconds(10));

        assertThat(inventory.send(dropHold("sneaker", "a2", 2, "drop-1", "shopper-a", 2)))
                .as("the release after the hold is the newer count").singleElement()
                .isInstanceOf(HoldPlaced.class);
        inventory.advance(Duration.ofSeconds(10));
        assertThat(inventory.send(dropHold("sneaker", "a3", 1, "drop-1", "shopper-a", 2)))
                .as("and the hold after it newer still").singleElement().isInstanceOf(HoldRejected.class);
    }

    @Test
    void escrowMovesUnitsToAnEdgeNodeWhichSellsOnlyFromIt() {
        inventory.send(receive("tee", 10));

        assertThat(inventory.send(allocate("tee", "edge-1", 4))).singleElement().isInstanceOf(EscrowAllocated.class);
        assertThat(inventory.level(LOC, "tee").getAvailable()).isEqualTo(6);
        assertThat(inventory.level(LOC, "tee").getEscrowed()).isEqualTo(4);

        assertThat(inventory.send(edgeHold("tee", "e1", 3, "edge-1"))).singleElement().isInstanceOf(HoldPlaced.class);
        assertThat(inventory.send(edgeHold("tee", "e2", 2, "edge-1"))).singleElement()
                .isInstanceOfSatisfying(HoldRejected.class, rejected ->
                        assertThat(rejected.getReason()).isEqualTo(HoldRejectionReason.INSUFFICIENT_ESCROW));
        assertThat(inventory.level(LOC, "tee").getAvailable()).as("edge sales never touch central stock")
                .isEqualTo(6);

        assertThat(inventory.send(commit("tee", "e1"))).singleElement().isInstanceOfSatisfying(HoldCommitted.class,
                committed -> assertThat(committed.getEdgeNodeId()).isEqualTo("edge-1"));
        assertThat(inventory.level(LOC, "tee").getOnHand()).isEqualTo(7);

        assertThat(rejectionReason(inventory.send(giveBack("tee", "edge-1", 2))))
                .isEqualTo(CommandRejectionReason.INSUFFICIENT_ESCROW);
        assertThat(inventory.send(giveBack("tee", "edge-1", 1))).singleElement().isInstanceOf(EscrowReturned.class);
        StockLevel level = inventory.level(LOC, "tee");
        assertThat(level.getEscrowed()).isZero();
        assertThat(level.getAvailable()).isEqualTo(7);
    }

    @Test
    void anExpiredEdgeHoldGoesBackToTheEdgesEscrow() {
        inventory.send(receive("tee", 5));
        inventory.send(allocate("tee", "edge-1", 2));
        inventory.send(edgeHold("tee", "e1", 2, "edge-1"));

        assertThat(inventory.advance(Duration.ofMinutes(2))).singleElement().isInstanceOf(HoldExpired.class);

        assertThat(inventory.position(LOC + ":tee").escrowOf("edge-1")).isEqualTo(2);
        assertThat(inventory.level(LOC, "tee").getAvailable()).isEqualTo(3);
    }

    @Test
    void aRepeatedCommandHasNoSecondEffect() {
        inventory.send(receive("tee", 5));
        PlaceHold once = hold("tee", "h1", 2, 60_000);

        assertThat(inventory.send(once)).hasSize(1);
        assertThat(inventory.send(once)).isEmpty();
        var repeatedReceipt = receive("tee", 5);
        inventory.send(repeatedReceipt);
        inventory.send(repeatedReceipt);

        assertThat(inventory.level(LOC, "tee").getOnHand()).isEqualTo(10);
        assertThat(inventory.level(LOC, "tee").getHeld()).isEqualTo(2);
    }

    @Test
    void aPlacedHoldRecognisesItsOwnRepeatWhileOpenAndAfterItEnded() {
        inventory.send(receive("tee", 5));
        PlaceHold committed = hold("tee", "h1", 2, 60_000);
        PlaceHold expiring = hold("tee", "h2", 1, 1_000);
        inventory.send(committed);
        inventory.send(expiring);

        assertThat(inventory.send(committed)).as("repeat while open").isEmpty();
        inventory.send(commit("tee", "h1"));
        assertThat(inventory.advance(Duration.ofSeconds(2))).singleElement().isInstanceOf(HoldExpired.class);
        assertThat(inventory.send(committed)).as("repeat after the sale").isEmpty();
        assertThat(inventory.send(expiring)).as("repeat after expiry").isEmpty();
        assertThat(rejectionReason(inventory.send(hold("tee", "h1", 1, 60_000))))
                .as("another command reusing the hold id").isEqualTo(CommandRejectionReason.UNKNOWN);

        StockLevel level = inventory.level(LOC, "tee");
        assertThat(level.getOnHand()).isEqualTo(3);
        assertThat(level.getHeld()).isZero();
        assertThat(inventory.historyChangelogRecords())
                .as("history entries: the receipt, the commit, two ended holds, the rejected reuse — none for a "
                        + "placed hold").isEqualTo(5);
    }

    @Test
    void aRepeatIsDroppedForTheWholeDedupeWindowAndOnlyThen() {
        var receipt = receive("tee", 5);
        inventory.send(receipt);
        inventory.advance(InventoryPolicy.DEFAULT.dedupeWindow().minusMinutes(1));
        assertThat(inventory.send(receipt)).as("inside the window").isEmpty();

        inventory.advance(Duration.ofMinutes(2));
        assertThat(inventory.send(receipt)).as("past the window: a new receipt").singleElement()
                .isInstanceOf(StockReceived.class);
        assertThat(inventory.level(LOC, "tee").getOnHand()).isEqualTo(10);
    }

    @Test
    void aCountReplacesOnHandAndRecordsTheVariance() {
        inventory.send(receive("tee", 10));

        assertThat(inventory.send(count("tee", 7))).singleElement().isInstanceOfSatisfying(StockAdjusted.class,
                adjusted -> {
                    assertThat(adjusted.getPreviousOnHand()).isEqualTo(10);
                    assertThat(adjusted.getVariance()).isEqualTo(-3);
                });
        assertThat(rejectionReason(inventory.send(count("tee", -1))))
                .isEqualTo(CommandRejectionReason.INVALID_QUANTITY);
        assertThat(inventory.level(LOC, "tee").getOnHand()).isEqualTo(7);
    }

    @Test
    void theLowStockFlagRisesUnderTheThreshold() {
        inventory.send(receive("tee", 6));
        assertThat(inventory.level(LOC, "tee").getLowStock()).isFalse();

        inventory.send(hold("tee", "h1", 2, 60_000));

        StockLevel level = inventory.level(LOC, "tee");
        assertThat(level.getLowStock()).isTrue();
        assertThat(level.getLowStockThreshold()).isEqualTo(5);
    }

    @Test
    void invalidQuantitiesAreRejectedNotApplied() {
        assertThat(rejectionReason(inventory.send(receive("tee", 0))))
                .isEqualTo(CommandRejectionReason.INVALID_QUANTITY);
        assertThat(inventory.send(hold("tee", "h1", -1, 60_000))).singleElement()
                .isInstanceOfSatisfying(HoldRejected.class, rejected ->
                        assertThat(rejected.getReason()).isEqualTo(HoldRejectionReason.INVALID_QUANTITY));
    }

    @Test
    void aCommandUnderAnotherKeyIsRefusedWithoutTouchingStock() {
        inventory.send(receive("tee", 5));

        List<Object> answer = inventory.sendWithKey(LOC + ":other-sku", hold("tee", "h1", 1, 60_000));

        assertThat(answer).singleElement().isInstanceOf(InventoryCommandRejected.class);
        assertThat(inventory.position(LOC + ":tee").held()).isZero();
        assertThat(inventory.position(LOC + ":other-sku")).isNull();
    }

    private static CommandRejectionReason rejectionReason(List<Object> events) {
        assertThat(events).singleElement().isInstanceOf(InventoryCommandRejected.class);
        return ((InventoryCommandRejected) events.getFirst()).getReason();
    }
}
