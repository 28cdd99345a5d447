package dev.showfloor.simulator;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The floor under any exactly-once stream service on this stack: a Kafka Streams app with the services' settings
 * (exactly_once_v2, the same stream threads, commit interval, poll and linger) that decides nothing and only
 * writes: for each input record as many records as the service writes per operation (events and changelog
 * records), through as many exactly-once hops in a row as the service's path has. What it reaches, driven the
 * way the service's benchmark drives the service, bounds what any implementation with that write shape can
 * reach on the same machine in the same hour. It runs inside the benchmark's JVM, beside the load generator,
 * as the service runs beside it in its own.
 */
final class EosFloor implements AutoCloseable {
    private static final int KEYS = 12;
    /** Keys a spread side write cycles through: enough that every partition of a 6-partition topic gets some. */
    static final int SPREAD_KEYS = 60;
    private final String bootstrapServers;
    private final int writesPerInput;
    private final int hops;
    private final int commitIntervalMs;
    private final int streamThreads;
    /** hop i reads chain[i] and forwards to chain[i + 1]; the last one is what the reader waits on. */
    private final List<String> chain;
    private final List<String> sides;
    private final KafkaStreams streams;
    /** The stream app's state directory, a temporary one of its own, removed on close. */
    private final Path stateDir;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final byte[] payload = new byte[BenchMain.RECORD_BYTES];
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread reader;
    private volatile long[] sentAt = new long[0];
    private volatile Latencies latencies = new Latencies();
    private volatile CountDownLatch awaited = new CountDownLatch(0);

    /**
     * @param writesPerInput   records written per input record in all: each hop's forward, the rest to side
     *                         topics, spread over the hops
     * @param hops             exactly-once hops in a row between the input and the answer the reader waits on
     * @param commitIntervalMs the services' {@code commit.interval.ms}
     * @param streamThreads    the service's {@code num.stream.threads}
     */
    EosFloor(String bootstrapServers, int writesPerInput, int hops, int commitIntervalMs, int streamThreads,
            int generatorLingerMs) throws Exception {
        this(bootstrapServers, writesPerInput, hops, commitIntervalMs, streamThreads, generatorLingerMs, false);
    }

    /**
     * @param spreadFirstSide whether each hop's first side write takes a key of its own, so a task's writes there
     *                        reach every partition of that topic, as inventory's answers keyed by order do, rather
     *                        than the input's partition alone
     */
    EosFloor(String bootstrapServers, int writesPerInput, int hops, int commitIntervalMs, int streamThreads,
            int generatorLingerMs, boolean spreadFirstSide) throws Exception {
        requireShape(writesPerInput, hops);
        this.bootstrapServers = bootstrapServers;
        this.writesPerInput = writesPerInput;
        this.hops = hops;
        this.commitIntervalMs = commitIntervalMs;
        this.streamThreads = streamThreads;
        String run = "bench.floor-" + Long.toString(System.currentTimeMillis(), 36);
        chain = java.util.stream.IntStream.rangeClosed(0, hops).mapToObj(i -> run + ".hop" + i).toList();
        sides = sideTopics(run, writesPerInput, hops);
        try (Admin admin = admin()) {
            admin.createTopics(topics().stream().map(topic -> new NewTopic(topic, 6, (short) 1)).toList())
                    .all().get(30, TimeUnit.SECONDS);
        }
        ThreadLocalRandom.current().nextBytes(payload);

        Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, generatorLingerMs);
        producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
        Map<String, Object> consumerConfig = new HashMap<>();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, run + "-reader");
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
        consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(Set.of(chain.getLast()));

        stateDir = Files.createTempDirectory("showfloor-floor");
        streams = new KafkaStreams(topology(chain, sides, writesPerInput, spreadFirstSide), streamsConfig(run));
        CountDownLatch started = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                started.countDown();
            }
        });
        streams.start();
        if (!started.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the floor's stream app did not start within 60 s");
        }
        reader = Thread.ofPlatform().name("floor-reader").start(this::read);
    }

    /**
     * Measures the floor the way the service was just measured and adds {@code floor_*} figures to its report:
     * bursts of {@code requests} until steady and one measured burst (throughput, its ratio to the raw broker and
     * the service's share of it, broker records per input), then paced at each of {@code rates} (latency).
     * Returns the floor's inputs per second.
     */
    double measure(BenchReport report, int requests, List<Double> rates, Duration pacedDuration,
                   double serviceOpsPerSecond, double rawRecordsPerSecond) throws InterruptedException {
        WarmUp.Outcome warmUp = WarmUp.untilSteady("floor inputs/s", round -> burst(requests));
        PhaseCost.Measured saturated = PhaseCost.around(bootstrapServers, requests, () -> burst(requests));
        double perSecond = saturated.perSecond();
        Map<String, Object> byRate = new java.util.LinkedHashMap<>();
        for (double rate : rates) {
            StreamThreadTime.Watch threads = StreamThreadTime.watch("floor", streams);
            Latencies at = paced(rate, pacedDuration);
            byRate.put(Long.toString(Math.round(rate)), Map.of("p50_ms", at.percentileMillis(50),
                    "p99_ms", at.percentileMillis(99), "stream_threads", threads.report().get("floor")));
            System.out.printf("  floor paced at %d/s: p50 %.1f ms, p99 %.1f ms%n", Math.round(rate),
                    at.percentileMillis(50), at.percentileMillis(99));
        }
        report.put("floor_writes_per_input", writesPerInput)
                .put("floor_hops", hops)
                .put("floor_commit_interval_ms", commitIntervalMs)
                .put("floor_stream_threads", streamThreads)
                .put("floor_ops_per_s", perSecond)
                .put("floor_ratio", rawRecordsPerSecond == 0 ? 0.0 : perSecond / rawRecordsPerSecond)
                .put("service_share_of_floor", perSecond == 0 ? 0.0 : serviceOpsPerSecond / perSecond)
                .put("floor_broker_records_per_input", saturated.recordsPerOperation())
                .put("floor_cpu_ms_per_input", saturated.cpuMsPerOperation())
                .put("floor_machine_cpu_shares", saturated.machineCpuShares())
                .put("floor_latency_by_rate", byRate)
                .put("floor_warm_up", warmUp.asReport());
        return perSecond;
    }

    /** {@code rate} input records per second for {@code duration}: latency from send to answer read. */
    private Latencies paced(double rate, Duration duration) throws InterruptedException {
        int requests = (int) (rate * duration.toSeconds());
        long[] sent = start(requests);
        OpenLoop.pace(rate, requests, i -> send(sent, i));
        producer.flush();
        await(Duration.ofMinutes(2));
        return latencies;
    }

    private double burst(int requests) throws InterruptedException {
        long[] sent = start(requests);
        long begin = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            send(sent, i);
        }
        producer.flush();
        await(Duration.ofMinutes(5));
        return requests / ((System.nanoTime() - begin) / 1e9);
    }

    private long[] start(int requests) {
        latencies = new Latencies();
        long[] sent = new long[requests];
        sentAt = sent;
        awaited = new CountDownLatch(requests);
        return sent;
    }

    private void send(long[] sent, int sequence) {
        byte[] value = payload.clone();
        ByteBuffer.wrap(value).putInt(sequence);
        sent[sequence] = System.nanoTime();
        producer.send(new ProducerRecord<>(chain.getFirst(), "key-" + (sequence % KEYS), value));
    }

    private void read() {
        while (running.get()) {
            consumer.poll(Duration.ofMillis(50)).forEach(record -> {
                long now = System.nanoTime();
                long[] sent = sentAt;
                int sequence = ByteBuffer.wrap(record.value()).getInt();
                if (sequence < sent.length && sent[sequence] != 0) {
                    latencies.add(now - sent[sequence]);
                    sent[sequence] = 0;
                    awaited.countDown();
                }
            });
        }
    }

    private void await(Duration timeout) throws InterruptedException {
        if (!awaited.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("floor stalled (" + awaited.getCount() + " answers outstanding)");
        }
    }

    /**
     * The floor's topology: hop i copies each record of {@code chain[i]} to {@code chain[i + 1]}, and the
     * {@code writesPerInput - hops} other writes go to {@code sides}, spread over the hops as evenly as they go;
     * a hop's n-th other write goes to the n-th side topic, as a service's writes go to an events topic, a copy
     * topic, a changelog each: the broker's transaction work grows with the partitions a commit touches. With
     * {@code spreadFirstSide} each hop's first side write is keyed apart from its input.
     */
    static Topology topology(List<String> chain, List<String> sides, int writesPerInput, boolean spreadFirstSide) {
        int hops = chain.size() - 1;
        requireShape(writesPerInput, hops);
        Topology topology = new Topology();
        int extra = writesPerInput - hops;
        for (int hop = 0; hop < hops; hop++) {
            int sideWrites = extra / hops + (hop < extra % hops ? 1 : 0);
            String source = "in" + hop;
            String copy = "copy" + hop;
            String next = "next" + hop;
            String sidePrefix = "side" + hop + "-";
            topology.addSource(source, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                    chain.get(hop));
            topology.addProcessor(copy, () -> new Processor<String, byte[], String, byte[]>() {
                private ProcessorContext<String, byte[]> context;
                private int spread;

                @Override
                public void init(ProcessorContext<String, byte[]> context) {
                    this.context = context;
                }

                @Override
                public void process(Record<String, byte[]> record) {
                    context.forward(record, next);
                    for (int i = 0; i < sideWrites; i++) {
                        boolean spreadHere = i == 0 && spreadFirstSide;
                        context.forward(spreadHere ? record.withKey("spread-" + (spread++ % SPREAD_KEYS)) : record,
                                sidePrefix + i);
                    }
                }
            }, source);
            topology.addSink(next, chain.get(hop + 1), Serdes.String().serializer(), Serdes.ByteArray().serializer(),
                    copy);
            for (int i = 0; i < sideWrites; i++) {
                topology.addSink(sidePrefix + i, sides.get(i), Serdes.String().serializer(),
                        Serdes.ByteArray().serializer(), copy);
            }
        }
        return topology;
    }

    /** As many side topics as the busiest hop has other writes. */
    static List<String> sideTopics(String prefix, int writesPerInput, int hops) {
        int perHop = Math.ceilDiv(writesPerInput - hops, hops);
        return java.util.stream.IntStream.range(0, perHop).mapToObj(i -> prefix + ".side" + i).toList();
    }

    private static void requireShape(int writesPerInput, int hops) {
        if (hops < 1 || writesPerInput < hops) {
            throw new IllegalArgumentException("need at least one hop and one write per hop, not " + writesPerInput
                    + " writes in " + hops + " hops");
        }
    }

    /** The settings of the services' application.properties that shape an exactly-once hop. */
    private Properties streamsConfig(String run) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, run.replace('.', '-') + "-" + UUID.randomUUID());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        config.put(StreamsConfig.POLL_MS_CONFIG, 10);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), commitIntervalMs);
        config.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), 10);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // The longest-call gauges read at a paced phase's end then cover that phase alone (StreamThreadTime), as
        // the services' do when the local stack starts them for a benchmark.
        config.put(StreamsConfig.METRICS_SAMPLE_WINDOW_MS_CONFIG, StreamThreadTime.BENCH_METRICS_WINDOW_MS);
        return config;
    }

    /** Every topic the floor writes: its chain and the side topics. */
    private List<String> topics() {
        return java.util.stream.Stream.concat(chain.stream(), sides.stream()).toList();
    }

    private Admin admin() {
        return admin(bootstrapServers);
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * How many stream threads a running Kafka Streams service has, read from its consumer group (one member per
     * stream thread of every instance), so the floor runs as the service runs, whatever its configuration or an
     * experiment's override says.
     */
    static int streamThreadsOf(String bootstrapServers, String applicationId) throws Exception {
        try (Admin admin = admin(bootstrapServers)) {
            int members = admin.describeConsumerGroups(List.of(applicationId)).all().get(30, TimeUnit.SECONDS)
                    .get(applicationId).members().size();
            if (members == 0) {
                throw new IllegalStateException("the consumer group " + applicationId
                        + " has no members: is the service running?");
            }
            return members;
        }
    }

    @Override
    public void close() throws Exception {
        running.set(false);
        reader.join(5_000);
        streams.close(Duration.ofSeconds(30));
        streams.cleanUp();
        // cleanUp removes the app's directory inside it; without this every run left an empty one in /tmp.
        Files.deleteIfExists(stateDir);
        producer.close();
        consumer.close();
        try (Admin admin = admin()) {
            admin.deleteTopics(topics()).all().get(30, TimeUnit.SECONDS);
        }
    }
}
