package dev.showfloor.streamskit;

import dev.showfloor.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.jboss.logging.Logger;

/**
 * Poison records (bytes no schema can read) go, unchanged, to the source topic's dead-letter topic with the
 * error in headers; processing continues. The copy is acknowledged by the broker before the record is
 * skipped, so nothing is lost; if the dead-letter write fails the task fails rather than drop the record.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
    public static final String HEADER_PREFIX = "showfloor.dlq.";
    private static final Logger LOG = Logger.getLogger(DeadLetterDeserializationHandler.class);
    private Map<String, Object> producerConfig;
    private Producer<byte[], byte[]> producer;

    @Override
    public void configure(Map<String, ?> configs) {
        producerConfig = new HashMap<>();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, configs.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, configs.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-dlq");
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        String dlq = deadLetterTopic(record.topic());
        Headers headers = new RecordHeaders(record.headers().toArray());
        header(headers, "error.class", exception.getClass().getName());
        header(headers, "error.message", String.valueOf(exception.getMessage()));
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        header(headers, "error.root", root.getClass().getName() + ": " + root.getMessage());
        header(headers, "topic", record.topic());
        header(headers, "partition", Integer.toString(record.partition()));
        header(headers, "offset", Long.toString(record.offset()));
        header(headers, "processor", context.processorNodeId());
        try {
            producer().send(new ProducerRecord<>(dlq, null, record.timestamp(), record.key(), record.value(), headers))
                    .get(30, TimeUnit.SECONDS);
            LOG.warnf("unreadable record %s-%d@%d sent to %s: %s", record.topic(), record.partition(), record.offset(),
                    dlq, exception.getMessage());
            return DeserializationHandlerResponse.CONTINUE;
        } catch (Exception sendFailed) {
            LOG.errorf(sendFailed, "could not dead-letter %s-%d@%d; failing the task so the record is not lost",
                    record.topic(), record.partition(), record.offset());
            return DeserializationHandlerResponse.FAIL;
        }
    }

    static String deadLetterTopic(String source) {
        return Topics.all().stream().filter(topic -> topic.name().equals(source)).findFirst()
                .map(topic -> topic.dlq()).orElse(source + ".dlq");
    }

    private synchronized Producer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(HEADER_PREFIX + name, value.getBytes(StandardCharsets.UTF_8));
    }
}
