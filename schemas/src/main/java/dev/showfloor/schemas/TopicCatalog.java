package dev.showfloor.schemas;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** Reads {@code showfloor/topics.yaml}, the single description of every topic. */
public final class TopicCatalog {
    public static final String RESOURCE = "showfloor/topics.yaml";

    /** As written in the YAML file. */
    public record Entry(String name, String description, String key, String value, int partitions, String cleanup, long retentionMs,
                        String owner, List<String> consumers, String dlq) {
    }

    record Document(List<Entry> topics) {
    }

    private static final TopicCatalog INSTANCE = load();

    private final Map<String, Entry> entries;

    private TopicCatalog(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public static TopicCatalog get() {
        return INSTANCE;
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The catalog entry for {@code name}, checked to carry values of {@code valueType}. */
    <V extends SpecificRecord> Topic<V> topic(String name, Class<V> valueType) {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new IllegalStateException("topic " + name + " is not in " + RESOURCE);
        }
        if (!entry.value().equals(valueType.getName())) {
            throw new IllegalStateException("topic " + name + " carries " + entry.value() + " in " + RESOURCE
                    + ", not " + valueType.getName());
        }
        return new Topic<>(entry.name(), entry.key(), valueType, entry.partitions(),
                "compact".equals(entry.cleanup()), entry.retentionMs(), entry.owner(), List.copyOf(entry.consumers()),
                entry.dlq());
    }

    private static TopicCatalog load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = TopicCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Map<String, Entry> byName = new LinkedHashMap<>();
            for (Entry entry : yaml.readValue(in, Document.class).topics()) {
                if (byName.put(entry.name(), entry) != null) {
                    throw new IllegalStateException("topic " + entry.name() + " appears twice in " + RESOURCE);
                }
            }
            return new TopicCatalog(byName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
