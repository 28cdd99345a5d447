package dev.showfloor.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One benchmark's figures, written as JSON under target/bench/ and printed. */
public final class BenchReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Map<String, Object> fields = new LinkedHashMap<>();
    /** Files written beside the JSON (file name → content), such as one row per measured operation. */
    private final Map<String, String> attachments = new LinkedHashMap<>();

    public BenchReport(String name, Instant startedAt) {
        fields.put("name", name);
        fields.put("started_at", startedAt.toString());
        fields.put("cores", Runtime.getRuntime().availableProcessors());
    }

    public BenchReport put(String key, Object value) {
        fields.put(key, value instanceof Double d ? Math.round(d * 10_000) / 10_000.0 : value);
        return this;
    }

    /** ops/s relative to the raw broker's records/s measured in the same run. */
    public BenchReport throughput(double opsPerSecond, double rawRecordsPerSecond) {
        put("ops_per_s", opsPerSecond);
        put("raw_records_per_s", rawRecordsPerSecond);
        put("ratio", rawRecordsPerSecond == 0 ? 0.0 : opsPerSecond / rawRecordsPerSecond);
        return this;
    }

    /** A file to write beside the JSON, named {@code <name>-<suffix>}. */
    public BenchReport attach(String suffix, String content) {
        attachments.put(fields.get("name") + "-" + suffix, content);
        return this;
    }

    public Object get(String key) {
        return fields.get(key);
    }

    public Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(fields.get("name") + ".json");
        Files.writeString(file, JSON.writeValueAsString(fields) + "\n");
        System.out.println(JSON.writeValueAsString(fields));
        System.out.println("wrote " + file);
        for (Map.Entry<String, String> attachment : attachments.entrySet()) {
            Path attached = directory.resolve(attachment.getKey());
            Files.writeString(attached, attachment.getValue());
            System.out.println("wrote " + attached);
        }
        return file;
    }
}
