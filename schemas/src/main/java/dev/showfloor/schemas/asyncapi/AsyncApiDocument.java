package dev.showfloor.schemas.asyncapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.showfloor.schemas.TopicCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/** Writes docs/asyncapi.yaml (AsyncAPI 3.0) from the topic catalog and the generated Avro classes. */
public final class AsyncApiDocument {
    static final String AVRO_SCHEMA_FORMAT = "application/vnd.apache.avro;version=1.9.0";
    private static final String KAFKA_BINDING_VERSION = "0.5.0";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private AsyncApiDocument() {
    }

    /** {@code java -cp ... AsyncApiDocument <output file>} regenerates the document. */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "docs/asyncapi.yaml");
        Files.writeString(target, render(TopicCatalog.get().entries()));
        System.out.println("wrote " + target);
    }

    public static String render(List<TopicCatalog.Entry> topics) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("asyncapi", "3.0.0");
        document.put("info", map(
                "title", "Showfloor events",
                "version", "0.1.0",
                "description", "Every Kafka topic of Showfloor, generated from schemas/src/main/resources/showfloor/"
                        + "topics.yaml and the Avro schemas. Values are Avro binary with an Apicurio Registry id; "
                        + "keys are UTF-8 strings. Do not edit: regenerate with "
                        + "./mvnw -pl schemas test -Dshowfloor.update-docs=true"));
        document.put("defaultContentType", "avro/binary");
        document.put("servers", map("local", map(
                "host", "127.0.0.1:9092",
                "protocol", "kafka",
                "description", "The broker of infra/local/stack")));

        Map<String, Object> channels = new LinkedHashMap<>();
        Map<String, Object> operations = new LinkedHashMap<>();
        Map<String, Object> messages = new LinkedHashMap<>();
        for (TopicCatalog.Entry topic : topics) {
            String channelId = camel(topic.name());
            String messageName = simpleName(topic.value());
            channels.put(channelId, map(
                    "address", topic.name(),
                    "description", topic.description() + " Key: " + topic.key() + ". Owner: " + topic.owner()
                            + ". Dead letters: " + topic.dlq() + ".",
                    "messages", map(messageName, ref("#/components/messages/" + messageName)),
                    "bindings", map("kafka", map(
                            "topic", topic.name(),
                            "partitions", topic.partitions(),
                            "topicConfiguration", map(
                                    "cleanup.policy", List.of(topic.cleanup()),
                                    "retention.ms", topic.retentionMs()),
                            "bindingVersion", KAFKA_BINDING_VERSION))));
            operations.put(camel(topic.owner() + "-sends-" + topic.name()), map(
                    "action", "send",
                    "channel", ref("#/channels/" + channelId),
                    "summary", topic.owner() + " writes " + topic.name() + "."));
            for (String consumer : new TreeSet<>(topic.consumers())) {
                operations.put(camel(consumer + "-receives-" + topic.name()), map(
                        "action", "receive",
                        "channel", ref("#/channels/" + channelId),
                        "summary", consumer + " reads " + topic.name() + "."));
            }
            messages.putIfAbsent(messageName, message(topic, messageName));
        }
        document.put("channels", channels);
        document.put("operations", operations);
        document.put("components", map("messages", messages));
        try {
            return YAML.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> message(TopicCatalog.Entry topic, String messageName) {
        Schema schema = avroSchema(topic.value());
        return map(
                "name", messageName,
                "title", messageName,
                "summary", schema.getDoc() == null ? messageName : schema.getDoc(),
                "contentType", "avro/binary",
                "payload", map("schemaFormat", AVRO_SCHEMA_FORMAT, "schema", toTree(schema)),
                "bindings", map("kafka", map(
                        "key", map("type", "string", "description", topic.key()),
                        "schemaIdLocation", "header",
                        "bindingVersion", KAFKA_BINDING_VERSION)));
    }

    private static Schema avroSchema(String fullName) {
        try {
            Class<?> generated = Class.forName(fullName, false, AsyncApiDocument.class.getClassLoader());
            return SpecificData.get().getSchema(generated);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the catalog names " + fullName + ", which has no generated class", e);
        }
    }

    private static JsonNode toTree(Schema schema) {
        try {
            return JSON.readTree(schema.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> ref(String target) {
        return map("$ref", target);
    }

    private static String simpleName(String fullName) {
        return fullName.substring(fullName.lastIndexOf('.') + 1);
    }

    /** sessions.show-events → sessionsShowEvents */
    static String camel(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = out.length() > 0;
            }
        }
        return out.toString();
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
