package dev.showfloor.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HotSpotCountersTest {

    @Test
    void thisJvmHasCompiledSomethingAndKeepsCounting() {
        Path own = Path.of(System.getProperty("java.io.tmpdir"), "hsperfdata_" + System.getProperty("user.name"),
                Long.toString(ProcessHandle.current().pid()));
        double before = HotSpotCounters.read(own).orElseThrow().compileSeconds();
        long spin = 0;
        for (int round = 0; round < 200; round++) { // fresh lambdas and loops for the JIT to compile
            spin += java.util.stream.IntStream.range(0, 20_000).map(i -> i * 31 ^ (i >>> 3)).sum();
        }
        assertThat(spin).isNotZero();
        assertThat(before).isPositive();
        assertThat(HotSpotCounters.read(own).orElseThrow().compileSeconds()).isGreaterThanOrEqualTo(before);
        assertThat(HotSpotCounters.compileSecondsSoFar()).containsKey("load_generator");
    }

    @Test
    void aCollectionIsReadAsAPause() {
        Path own = Path.of(System.getProperty("java.io.tmpdir"), "hsperfdata_" + System.getProperty("user.name"),
                Long.toString(ProcessHandle.current().pid()));
        HotSpotCounters.Pauses before = HotSpotCounters.read(own).orElseThrow().pauses();
        System.gc(); // a full collection: one safepoint at least, and collection time
        HotSpotCounters.Pauses after = HotSpotCounters.read(own).orElseThrow().pauses();

        Map<String, Double> between = after.since(before);
        assertThat(between.get("safepoints")).isGreaterThanOrEqualTo(1.0);
        assertThat(after.collectionMs()).isGreaterThan(before.collectionMs());
        assertThat(after.safepointMs() - before.safepointMs())
                .isGreaterThanOrEqualTo(after.reachingSafepointMs() - before.reachingSafepointMs());
        assertThat(HotSpotCounters.pausesBetween(Map.of("load_generator", new HotSpotCounters.Reading(1, before)),
                Map.of("load_generator", new HotSpotCounters.Reading(2, after), "broker",
                        new HotSpotCounters.Reading(2, after))))
                .containsOnlyKeys("load_generator");
        assertThat(HotSpotCounters.soFar()).containsKey("load_generator");
    }

    @Test
    void aPhaseWithoutSafepointsHasNoMeanPause() {
        HotSpotCounters.Pauses same = new HotSpotCounters.Pauses(7, 12.5, 1.0, 10.0);
        assertThat(same.since(same)).containsEntry("safepoints", 0.0).containsEntry("mean_safepoint_ms", 0.0)
                .containsEntry("stopped_ms", 0.0);
        assertThat(new HotSpotCounters.Pauses(9, 16.5, 1.5, 12.0).since(same))
                .containsEntry("safepoints", 2.0).containsEntry("stopped_ms", 4.0)
                .containsEntry("reaching_safepoints_ms", 0.5).containsEntry("collection_ms", 2.0)
                .containsEntry("mean_safepoint_ms", 2.0);
    }

    @Test
    void aRolesProcessesAreSummed() {
        HotSpotCounters.Reading one = new HotSpotCounters.Reading(1.5, new HotSpotCounters.Pauses(3, 6.0, 0.5, 5.0));
        HotSpotCounters.Reading two = new HotSpotCounters.Reading(2.0, new HotSpotCounters.Pauses(1, 2.0, 0.1, 0.0));
        assertThat(one.plus(two)).isEqualTo(
                new HotSpotCounters.Reading(3.5, new HotSpotCounters.Pauses(4, 8.0, 0.6, 5.0)));
    }

    @Test
    void somethingElseIsRefusedOrUnread() {
        assertThatThrownBy(() -> HotSpotCounters.longCounters(ByteBuffer.allocate(64)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(HotSpotCounters.read(Path.of("/nonexistent/12345"))).isEmpty();
    }
}
