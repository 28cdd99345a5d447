package dev.showfloor.schemas;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * One catalog entry, typed by the Avro record its values hold.
 *
 * @param name        topic name
 * @param keyField    what the string key is (an aggregate id)
 * @param valueType   generated class of every value on the topic
 * @param partitions  partition count
 * @param compacted   true for compacted (latest value per key) topics
 * @param retentionMs retention; -1 keeps records forever
 * @param owner       the single service that writes the topic
 * @param consumers   services that read it
 * @param dlq         dead-letter topic for records consumers cannot process
 */
public record Topic<V extends SpecificRecord>(
        String name,
        String keyField,
        Class<V> valueType,
        int partitions,
        boolean compacted,
        long retentionMs,
        String owner,
        List<String> consumers,
        String dlq) {

    /** Apicurio subject (TopicIdStrategy) under which the value schema is registered. */
    public String valueSubject() {
        return name + "-value";
    }

    @Override
    public String toString() {
        return name;
    }
}
