package dev.showfloor.streamskit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DuePunctuationTest {
    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration RESOLUTION = Duration.ofMillis(100);

    /** Each input asks for work due its value in milliseconds after the record's wall-clock time. */
    private static final class DueTimes implements Processor<String, Long, Void, Void> {
        final TreeSet<Long> due = new TreeSet<>();
        final List<Long> runs = new ArrayList<>();
        final List<Long> served = new ArrayList<>();
        DuePunctuation punctuation;
        ProcessorContext<Void, Void> context;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.context = context;
            punctuation = new DuePunctuation(context, RESOLUTION, this::run);
        }

        @Override
        public void process(Record<String, Long> record) {
            long at = context.currentSystemTimeMs() + record.value();
            due.add(at);
            punctuation.dueAt(at);
        }

        private long run(long wallClockMillis) {
            runs.add(wallClockMillis);
            while (!due.isEmpty() && due.first() <= wallClockMillis) {
                served.add(due.pollFirst());
            }
            return due.isEmpty() ? DuePunctuation.NOTHING_DUE : due.first();
        }
    }

    private DueTimes processor;
    private TopologyTestDriver driver;
    private TestInputTopic<String, Long> input;

    @BeforeEach
    void start() {
        Topology topology = new Topology();
        topology.addSource("in", Serdes.String().deserializer(), Serdes.Long().deserializer(), "in");
        topology.addProcessor("due", () -> processor = new DueTimes(), "in");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "due-punctuation-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(topology, props, START);
        input = driver.createInputTopic("in", Serdes.String().serializer(), Serdes.Long().serializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void anIdleTaskNeverPunctuates() {
        driver.advanceWallClockTime(Duration.ofMinutes(10));

        assertThat(processor.runs).isEmpty();
        assertThat(processor.punctuation.scheduled()).isFalse();
    }

    @Test
    void runsWhenWorkFallsDueAndStopsOnceNothingIsLeft() {
        input.pipeInput("k", 5_000L);
        input.pipeInput("k", 2_000L);

        driver.advanceWallClockTime(Duration.ofMillis(1_999));
        assertThat(processor.runs).as("nothing due before 2 s").isEmpty();
        driver.advanceWallClockTime(Duration.ofMillis(1));
        assertThat(processor.served).containsExactly(START.toEpochMilli() + 2_000);
        driver.advanceWallClockTime(Duration.ofMillis(3_000));
        assertThat(processor.served).hasSize(2);
        assertThat(processor.runs).as("one run per due time").hasSize(2);
        assertThat(processor.punctuation.scheduled()).isFalse();

        driver.advanceWallClockTime(Duration.ofMinutes(10));
        assertThat(processor.runs).hasSize(2);
    }

    @Test
    void anEarlierDueTimeMovesTheNextRunForward() {
        input.pipeInput("k", 60_000L);
        input.pipeInput("k", 1_000L);

        driver.advanceWallClockTime(Duration.ofMillis(1_000));

        assertThat(processor.served).containsExactly(START.toEpochMilli() + 1_000);
    }

    @Test
    void runsAreAtLeastTheResolutionApart() {
        input.pipeInput("k", 0L);
        input.pipeInput("k", 10L);
        input.pipeInput("k", 20L);

        driver.advanceWallClockTime(Duration.ofMillis(99));
        assertThat(processor.runs).isEmpty();
        driver.advanceWallClockTime(Duration.ofMillis(1));

        assertThat(processor.runs).containsExactly(START.toEpochMilli() + 100);
        assertThat(processor.served).hasSize(3);
    }
}
