package dev.showfloor.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A phase's records, serialized before it starts and kept in one byte array with their offsets (keys, few and
 * repeated, once each); each record object is made as it is sent. Kept as a list of records, a phase of a few
 * hundred thousand was as many live objects in the load generator's heap, which its young collections copied
 * for 30–95 ms at a time while it was sending and timing: pauses of the measuring process, counted as latency.
 */
final class PackedRecords {
    private final String topic;
    private final List<String> keys = new ArrayList<>();
    private final Map<String, Integer> keyIndex = new HashMap<>();
    private byte[] values;
    private int[] valueEnds;
    private int[] keyOf;
    private int size;

    PackedRecords(String topic, int expected) {
        this.topic = topic;
        values = new byte[Math.max(1, expected) * BenchMain.RECORD_BYTES];
        valueEnds = new int[Math.max(1, expected)];
        keyOf = new int[Math.max(1, expected)];
    }

    void add(ProducerRecord<String, byte[]> record) {
        if (!record.topic().equals(topic)) {
            throw new IllegalArgumentException("a record for " + record.topic() + " among records for " + topic);
        }
        String key = record.key();
        byte[] value = record.value();
        if (size == valueEnds.length) {
            valueEnds = Arrays.copyOf(valueEnds, size * 2);
            keyOf = Arrays.copyOf(keyOf, size * 2);
        }
        int start = start(size);
        if (start + value.length > values.length) {
            values = Arrays.copyOf(values, Math.max(start + value.length, values.length * 2));
        }
        System.arraycopy(value, 0, values, start, value.length);
        valueEnds[size] = start + value.length;
        keyOf[size] = keyIndex.computeIfAbsent(key, k -> {
            keys.add(k);
            return keys.size() - 1;
        });
        size++;
    }

    int size() {
        return size;
    }

    ProducerRecord<String, byte[]> record(int index) {
        return new ProducerRecord<>(topic, keys.get(keyOf[index]),
                Arrays.copyOfRange(values, start(index), valueEnds[index]));
    }

    private int start(int index) {
        return index == 0 ? 0 : valueEnds[index - 1];
    }
}
