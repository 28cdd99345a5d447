package dev.showfloor.simulator;

import dev.showfloor.events.common.Envelope;
import dev.showfloor.events.inventory.HoldPlaced;
import dev.showfloor.events.inventory.HoldRejected;
import dev.showfloor.events.inventory.HoldReleaseReason;
import dev.showfloor.events.inventory.HoldReleased;
import dev.showfloor.events.inventory.InventoryCommand;
import dev.showfloor.events.inventory.InventoryCommandRejected;
import dev.showfloor.events.inventory.InventoryEvent;
import dev.showfloor.events.inventory.PlaceHold;
import dev.showfloor.events.inventory.ReceiveStock;
import dev.showfloor.events.inventory.ReleaseHold;
import dev.showfloor.events.inventory.StockReceived;
import dev.showfloor.schemas.Topics;
import dev.showfloor.streamskit.CachedSchemaAvroDeserializer;
import dev.showfloor.streamskit.CachedSchemaAvroSerializer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Hold decisions end to end: a PlaceHold produced to inventory.commands until its HoldPlaced/HoldRejected is
 * read (read_committed) from inventory.events. After unmeasured warm-up rounds (a burst, then a few seconds paced
 * at half its rate), first at saturation (throughput), then paced at half that rate (latency), optionally after an
 * unmeasured lead-in at that rate. Needs the inventory service running against the same broker and registry.
 */
public final class InventoryBench implements AutoCloseable {
    private static final int SKUS = 12;
    /**
     * Records inventory writes per hold placed for an order: the event, its copy for the order, the holds
     * changelog record and the position's changelog record (uncached since the thirty-eighth session of
     * 2026-12-07; once per SKU per commit before, so 3 writes), while the stock levels go out once per SKU per level
     * interval and a placed hold needs no de-duplication history record since 2026-12-02. The exactly-once floor is
     * measured with this write shape.
     */
    static final int WRITES_PER_HOLD = 4;
    /** A hold in a drop writes the shopper's units in the drop too (a buyer-count changelog record). */
    static final int WRITES_PER_DROP_HOLD = WRITES_PER_HOLD + 1;
    /** The per-buyer cap of the bench's drop holds; each shopper holds one unit, so none is refused for it. */
    private static final int DROP_CAP = 2;
    /** How long each warm-up round paces holds after its burst. */
    private static final Duration WARM_UP_PACED_SLICE = Duration.ofSeconds(3);
    /** Inventory's {@code quarkus.kafka-streams.application-id}: its consumer group tells its stream threads. */
    private static final String APPLICATION_ID = "inventory";
    private final String bootstrapServers;
    private final int lingerMs;
    private final int floorCommitMs;
    private final boolean inADrop;
    private final Duration pacedLeadIn;
    /** Inventory, whose stream threads each measured phase watches ({@link StreamThreadTime}). */
    private final Map<String, String> streamServices;
    private final KafkaProducer<String, byte[]> producer;
    private final CachedSchemaAvroSerializer<InventoryCommand> serializer = new CachedSchemaAvroSerializer<>();
    private final KafkaConsumer<String, InventoryEvent> consumer;
    /** The phase whose holds are in flight; answers to any other are ignored. */
    private volatile Phase phase;
    private volatile CountDownLatch awaited = new CountDownLatch(0);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Set<String> stocked = ConcurrentHashMap.newKeySet();
    private final CountDownLatch allStocked = new CountDownLatch(SKUS);
    private volatile Latencies latencies = new Latencies();
    /** Send until inventory decided (its event's occurredAt): the part before the decision's transaction commits. */
    private volatile Latencies toDecision = new Latencies();
    private final Thread reader;
    private final String location = "bench-" + Long.toString(System.currentTimeMillis(), 36);
    /** The phases of holds sent since the last release, by name and size: what the next release releases. */
    private final Map<String, Integer> holdPhases = new LinkedHashMap<>();

    /**
     * @param lingerMs      how long the load generator's producer waits to fill a batch, as a client fleet would
     * @param floorCommitMs the exactly-once floor's commit interval (the services' is
     *                      {@link BenchMain#SERVICES_COMMIT_INTERVAL_MS})
     * @param inADrop       whether every hold is a shopper's in a capped drop (the buyer-cap check and count on
     *                      each), as in a micro-drop, rather than a hold outside any drop
     * @param pacedLeadIn   how long the paced rate runs unmeasured before the measured phase at half the maximum;
     *                      its holds stay open through that phase
     * @param inventoryUrl  the inventory service's base URL, for its stream threads' metrics
     */
    public InventoryBench(String bootstrapServers, String registryApiUrl, int lingerMs, int floorCommitMs,
                          boolean inADrop, Duration pacedLeadIn, String inventoryUrl) {
        this.streamServices = Map.of("inventory", inventoryUrl);
        this.bootstrapServers = bootstrapServers;
        this.lingerMs = lingerMs;
        this.floorCommitMs = floorCommitMs;
        this.inADrop = inADrop;
        this.pacedLeadIn = pacedLeadIn;
        Map<String, Object> serde = Map.of(
                "apicurio.registry.url", registryApiUrl,
                "apicurio.registry.auto-register", "true",
                "apicurio.registry.dereference-schema", "true",
                "apicurio.registry.use-specific-avro-reader", "true");
        Map<String, Object> producerConfig = new HashMap<>(serde);
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        serializer.configure(producerConfig, false);
        producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());

        Map<String, Object> consumerConfig = new HashMap<>(serde);
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
        var deserializer = new CachedSchemaAvroDeserializer<InventoryEvent>();
        deserializer.configure(consumerConfig, false);
        consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), deserializer);
        consumer.subscribe(Set.of(Topics.INVENTORY_EVENTS.name()));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100)); // join the group before anything is sent
        }
        reader = Thread.ofPlatform().name("bench-reader").start(this::read);
    }

    /**
     * @param pacedRate  holds per second for the latency phase; 0 for half the measured maximum
     * @param sweepRates further paced rates, each measured for {@code pacedDuration}: where the latency bends
     */
    public BenchReport run(double rawRecordsPerSecond, int saturationRequests, Duration pacedDuration, double pacedRate,
                           List<Double> sweepRates) throws Exception {
        Instant started = Instant.now();
        for (int s = 0; s < SKUS; s++) {
            send(new ReceiveStock("bench-receipt-" + s + "-" + location, location, "sku-" + s, 1_000_000, null));
        }
        producer.flush();
        await(allStocked, Duration.ofSeconds(60), "stock received");

        // The bench's holds last an hour: each warm-up burst releases its own (unmeasured but inside the round, so
        // the round's compile share covers it), else the open holds of a long warm-up would crowd inventory's heap.
        // Each round also paces holds at half its burst's rate, the measured phases' shape: single records run the
        // clients' fetch and send paths many times more often than a burst's full batches do, and with bursts alone
        // those paths were still being compiled in the measured paced phase (docs/BENCHMARKS.md, 2026-12-07).
        WarmUp.Outcome warmUp = WarmUp.untilSteady("holds/s", round -> {
            double rate = burst("warm" + round, saturationRequests);
            releaseHolds();
            paced("warmpaced" + round, rate / 2, WARM_UP_PACED_SLICE);
            releaseHolds();
            return rate;
        });

        // Saturation: everything at once, throughput from first send to last answer.
        latencies = new Latencies();
        PhaseCost.Measured saturated = PhaseCost.around(bootstrapServers, streamServices, saturationRequests,
                () -> burst("sat", saturationRequests));
        double maxPerSecond = saturated.perSecond();
        Latencies saturation = latencies;
        // Every measured phase starts without the open holds of the one before (they last an hour), so its latency
        // does not depend on how many the phase before happened to leave in inventory's heap.
        releaseHolds();

        // Paced at half the maximum: the latency a drop sees when the system is not flat out.
        if (pacedRate <= 0) {
            pacedRate = maxPerSecond / 2;
        }
        // What a hold costs each process when paced (single records) rather than in a burst: where half the
        // burst maximum is decided.
        double rateAtHalf = pacedRate;
        if (!pacedLeadIn.isZero()) {
            // Unmeasured, at the measured pace: every process (the load generator too) compiles what single records
            // run that a burst did not. Its holds stay open through the measured phase: releasing them would put a
            // burst right before it.
            System.out.printf("  leading in at %d holds/s for %d s%n", Math.round(rateAtHalf), pacedLeadIn.toSeconds());
            paced("lead", rateAtHalf, pacedLeadIn);
        }
        Paced[] pacedAtHalf = new Paced[1];
        PhaseCost.Measured pacedCost = PhaseCost.around(bootstrapServers, streamServices,
                (int) (rateAtHalf * pacedDuration.toSeconds()),
                () -> {
                    pacedAtHalf[0] = paced("paced", rateAtHalf, pacedDuration);
                    return rateAtHalf;
                });
        Paced atHalf = pacedAtHalf[0];
        releaseHolds();
        Map<String, Object> sweep = new LinkedHashMap<>();
        for (double rate : sweepRates) {
            Paced at = paced("sweep" + Math.round(rate), rate, pacedDuration);
            releaseHolds();
            sweep.put(Long.toString(Math.round(rate)), Map.of("p50_ms", at.latencies().percentileMillis(50),
                    "p99_ms", at.latencies().percentileMillis(99),
                    "to_decision_p50_ms", at.toDecision().percentileMillis(50),
                    "to_decision_p99_ms", at.toDecision().percentileMillis(99)));
            System.out.printf("  paced at %d holds/s: p50 %.1f ms, p99 %.1f ms%n", Math.round(rate),
                    at.latencies().percentileMillis(50), at.latencies().percentileMillis(99));
        }

        int streamThreads = EosFloor.streamThreadsOf(bootstrapServers, APPLICATION_ID);
        BenchReport report = new BenchReport("inventory", started);
        report
                .throughput(maxPerSecond, rawRecordsPerSecond)
                .put("p50_ms", atHalf.latencies().percentileMillis(50))
                .put("p99_ms", atHalf.latencies().percentileMillis(99))
                .put("latency_measured_at_ops_per_s", pacedRate)
                .put("to_decision_p50_ms", atHalf.toDecision().percentileMillis(50))
                .put("to_decision_p99_ms", atHalf.toDecision().percentileMillis(99))
                .put("saturation_requests", saturationRequests)
                .put("saturation_p50_ms", saturation.percentileMillis(50))
                .put("saturation_p99_ms", saturation.percentileMillis(99))
                .put("broker_records_per_hold", saturated.recordsPerOperation())
                .put("cpu_ms_per_hold", saturated.cpuMsPerOperation())
                .put("stream_threads_at_saturation", saturated.streamThreads())
                .put("broker_requests_at_saturation", saturated.brokerRequests())
                .put("machine_cpu_shares", saturated.machineCpuShares())
                .put("paced_requests", atHalf.requests())
                .put("paced_cpu_ms_per_hold", pacedCost.cpuMsPerOperation())
                .put("paced_broker_records_per_hold", pacedCost.recordsPerOperation())
                .put("paced_machine_cpu_shares", pacedCost.machineCpuShares())
                .put("paced_compile_seconds", pacedCost.compileSeconds())
                .put("paced_stream_threads", pacedCost.streamThreads())
                .put("paced_pauses", pacedCost.pauses())
                .put("paced_broker_requests", pacedCost.brokerRequests())
                .put("paced_lead_in_seconds", pacedLeadIn.toSeconds())
                .put("latency_by_rate", sweep)
                .put("warm_up", warmUp.asReport())
                .put("holds_in_a_drop", inADrop)
                .put("measures", "PlaceHold produced to inventory.commands until its answer is read "
                        + "(read_committed) from inventory.events; exactly_once_v2, " + streamThreads
                        + " stream threads" + (inADrop ? "; every hold a new shopper's in a drop capped at "
                        + DROP_CAP + " per buyer" : ""));
        if (floorCommitMs > 0) { // 0: the service alone, for quick experiments
            int writesPerHold = inADrop ? WRITES_PER_DROP_HOLD : WRITES_PER_HOLD;
            try (EosFloor floor =
                    new EosFloor(bootstrapServers, writesPerHold, 1, floorCommitMs, streamThreads, lingerMs)) {
                System.out.println("measuring the exactly-once floor (" + writesPerHold + " writes per input)...");
                List<Double> floorRates = new java.util.ArrayList<>(List.of(pacedRate));
                floorRates.addAll(sweepRates);
                floor.measure(report, saturationRequests, floorRates, pacedDuration, maxPerSecond, rawRecordsPerSecond);
            }
        }
        return report;
    }

    /** One paced phase: how many holds were sent, and their latencies end to end and until decided. */
    private record Paced(int requests, Latencies latencies, Latencies toDecision) {
    }

    /** Sends holds at {@code rate} per second for {@code duration} and waits for every answer. */
    private Paced paced(String prefix, double rate, Duration duration) throws InterruptedException {
        latencies = new Latencies();
        toDecision = new Latencies();
        int requests = (int) (rate * duration.toSeconds());
        Phase holds = prepareHolds(prefix, requests);
        awaited = new CountDownLatch(requests);
        phase = holds;
        OpenLoop.pace(rate, requests, holds::send);
        producer.flush();
        await(awaited, Duration.ofMinutes(2), prefix + " answers");
        return new Paced(requests, latencies, toDecision);
    }

    /** Sends {@code requests} holds at once and waits for every answer; returns answers per second. */
    private double burst(String prefix, int requests) throws InterruptedException {
        return burst(prepareHolds(prefix, requests));
    }

    private double burst(Phase commands) throws InterruptedException {
        int requests = commands.records.size();
        long start = System.nanoTime();
        awaited = new CountDownLatch(requests);
        phase = commands;
        for (int i = 0; i < requests; i++) {
            commands.send(i);
        }
        producer.flush();
        await(awaited, Duration.ofMinutes(5), "answers to " + commands.idPrefix + "*");
        return requests / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Releases every hold placed since the last release, unmeasured, so inventory's state is what it was before:
     * left for their TTL, the holds of one run (up to about a million) slowed whatever was measured next in the
     * hour, and a long warm-up's would crowd inventory's heap during the measured phases.
     */
    private void releaseHolds() throws InterruptedException {
        latencies = new Latencies();
        toDecision = new Latencies();
        for (var sent : holdPhases.entrySet()) {
            Phase placed = new Phase(sent.getKey(), 0);
            Phase releases = new Phase("release-" + sent.getKey(), sent.getValue());
            for (int i = 0; i < sent.getValue(); i++) {
                String holdCommandId = placed.commandId(i);
                releases.records.add(record(new ReleaseHold(releases.commandId(i), location, skuOf(holdCommandId),
                        holdIdOf(holdCommandId), HoldReleaseReason.ORDER_CANCELLED)));
            }
            burst(releases);
        }
        holdPhases.clear();
    }

    /**
     * One phase's holds, serialized before it starts so the load generator spends its cores on sending, and when
     * each was sent, by its index in the phase: an answer's commandId names the index, so the reader finds its
     * send time in an array instead of a map of every hold in flight.
     */
    private final class Phase {
        private final String idPrefix;
        private final String idSuffix;
        private final PackedRecords records;
        private final AtomicLongArray sentNanos;
        private final AtomicLongArray sentWallMillis;
        private final boolean[] answered; // touched by the reader thread only

        Phase(String name, int requests) {
            idPrefix = name + "-";
            idSuffix = "-" + location;
            records = new PackedRecords(Topics.INVENTORY_COMMANDS.name(), requests);
            sentNanos = new AtomicLongArray(requests);
            sentWallMillis = new AtomicLongArray(requests);
            answered = new boolean[requests];
        }

        String commandId(int index) {
            return idPrefix + index + idSuffix;
        }

        void send(int index) {
            sentWallMillis.set(index, System.currentTimeMillis());
            sentNanos.set(index, System.nanoTime());
            producer.send(records.record(index));
        }

        /** The index of a hold of this phase, first answer only; -1 for anything else. */
        int firstAnswer(String commandId) {
            if (!commandId.startsWith(idPrefix) || !commandId.endsWith(idSuffix)) {
                return -1;
            }
            int index;
            try {
                index = Integer.parseInt(commandId, idPrefix.length(), commandId.length() - idSuffix.length(), 10);
            } catch (NumberFormatException e) {
                return -1;
            }
            if (index < 0 || index >= answered.length || answered[index] || sentNanos.get(index) == 0) {
                return -1;
            }
            answered[index] = true;
            return index;
        }
    }

    private Phase prepareHolds(String prefix, int requests) {
        holdPhases.put(prefix, requests);
        Phase holds = new Phase(prefix, requests);
        for (int i = 0; i < requests; i++) {
            String commandId = holds.commandId(i);
            PlaceHold hold = new PlaceHold(commandId, location, skuOf(commandId), holdIdOf(commandId),
                    "order-" + commandId, 1, 3_600_000L, inADrop ? "drop-" + location : null,
                    inADrop ? "shopper-" + commandId : null, inADrop ? DROP_CAP : null, null);
            holds.records.add(record(hold));
        }
        return holds;
    }

    private static String skuOf(String holdCommandId) {
        return "sku-" + Math.floorMod(holdCommandId.hashCode(), SKUS);
    }

    private static String holdIdOf(String holdCommandId) {
        return "hold-" + holdCommandId;
    }

    private void send(Object command) {
        producer.send(record(command));
    }

    private ProducerRecord<String, byte[]> record(Object command) {
        String key = switch (command) {
            case PlaceHold hold -> hold.getLocationId() + ":" + hold.getSku();
            case ReceiveStock receive -> receive.getLocationId() + ":" + receive.getSku();
            case ReleaseHold release -> release.getLocationId() + ":" + release.getSku();
            default -> throw new IllegalArgumentException(command.toString());
        };
        Envelope envelope = Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setCorrelationId("bench").setCausationId(null).setProducer("simulator").setShopperId(null).build();
        String topic = Topics.INVENTORY_COMMANDS.name();
        return new ProducerRecord<>(topic, key, serializer.serialize(topic, new InventoryCommand(envelope, command)));
    }

    private void read() {
        while (running.get()) {
            consumer.poll(Duration.ofMillis(50)).forEach(record -> {
                long now = System.nanoTime();
                String commandId = switch (record.value().getPayload()) {
                    case HoldPlaced placed -> placed.getCommandId();
                    case HoldRejected rejected -> rejected.getCommandId();
                    case HoldReleased released -> released.getCommandId();
                    case InventoryCommandRejected rejected -> rejected.getCommandId(); // a hold never placed
                    case StockReceived received -> {
                        if (received.getLocationId().equals(location) && stocked.add(received.getSku())) {
                            allStocked.countDown();
                        }
                        yield null;
                    }
                    default -> null;
                };
                Phase current = phase;
                int index = commandId == null || current == null ? -1 : current.firstAnswer(commandId);
                if (index >= 0) {
                    latencies.add(now - current.sentNanos.get(index));
                    long decidedMillis = record.value().getEnvelope().getOccurredAt().toEpochMilli();
                    toDecision.add(Math.max(0, decidedMillis - current.sentWallMillis.get(index)) * 1_000_000);
                    awaited.countDown();
                }
            });
        }
    }

    private static void await(CountDownLatch latch, Duration timeout, String what) throws InterruptedException {
        if (!latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("benchmark stalled waiting for " + what + " (" + latch.getCount()
                    + " outstanding)");
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        reader.join(5_000);
        producer.close();
        consumer.close();
    }
}
