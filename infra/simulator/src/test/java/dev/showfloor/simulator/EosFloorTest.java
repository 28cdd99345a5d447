package dev.showfloor.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

class EosFloorTest {
    private static final List<String> CHAIN = List.of("hop0", "hop1", "hop2", "hop3", "hop4");

    @Test
    void eachInputIsWrittenAsOftenAsTheServiceWritesPerOperationAndReachesTheEndOfTheChainOnce() {
        List<String> sides = EosFloor.sideTopics("floor", 18, 4);
        assertThat(sides).as("14 other writes over 4 hops: at most 4 per hop, one topic each").hasSize(4);
        try (TopologyTestDriver driver =
                new TopologyTestDriver(EosFloor.topology(CHAIN, sides, 18, false), properties())) {
            TestInputTopic<String, byte[]> input = driver.createInputTopic("hop0", Serdes.String().serializer(),
                    Serdes.ByteArray().serializer());
            for (int i = 0; i < 10; i++) {
                input.pipeInput("key-" + i, new byte[] {(byte) i});
            }
            long written = 0;
            for (String topic : CHAIN.subList(1, CHAIN.size())) {
                long copies = driver.createOutputTopic(topic, Serdes.String().deserializer(),
                        Serdes.ByteArray().deserializer()).getQueueSize();
                assertThat(copies).as(topic).isEqualTo(10);
                written += copies;
            }
            for (String side : sides) {
                written += driver.createOutputTopic(side, Serdes.String().deserializer(),
                        Serdes.ByteArray().deserializer()).getQueueSize();
            }
            assertThat(written).isEqualTo(18 * 10);
        }
    }

    @Test
    void aSpreadSideWriteTakesKeysOfItsOwnWhileTheChainKeepsTheInputsKey() {
        List<String> chain = CHAIN.subList(0, 2);
        List<String> sides = EosFloor.sideTopics("floor", 3, 1);
        try (TopologyTestDriver driver =
                new TopologyTestDriver(EosFloor.topology(chain, sides, 3, true), properties())) {
            TestInputTopic<String, byte[]> input = driver.createInputTopic("hop0", Serdes.String().serializer(),
                    Serdes.ByteArray().serializer());
            for (int i = 0; i < 2 * EosFloor.SPREAD_KEYS; i++) {
                input.pipeInput("key-0", new byte[] {(byte) i});
            }
            assertThat(keys(driver, "hop1")).containsOnly("key-0");
            assertThat(keys(driver, sides.get(0))).hasSize(2 * EosFloor.SPREAD_KEYS).doesNotContain("key-0")
                    .matches(keys -> keys.stream().distinct().count() == EosFloor.SPREAD_KEYS, "every spread key");
            assertThat(keys(driver, sides.get(1))).containsOnly("key-0");
        }
    }

    private static List<String> keys(TopologyTestDriver driver, String topic) {
        return driver.createOutputTopic(topic, Serdes.String().deserializer(), Serdes.ByteArray().deserializer())
                .readKeyValuesToList().stream().map(record -> record.key).toList();
    }

    @Test
    void aShapeWithFewerWritesThanHopsIsRefused() {
        assertThatThrownBy(() -> EosFloor.topology(CHAIN, List.of("side"), 3, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 writes in 4 hops");
    }

    private static Properties properties() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "floor-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return properties;
    }
}
