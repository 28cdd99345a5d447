package dev.showfloor.schemas.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;

/** Every named Avro type in a directory tree of .avsc files, references resolved, by full name. */
public record SchemaSet(Path root, Map<String, Schema> byFullName) {

    public static SchemaSet load(Path root) {
        SchemaParser parser = new SchemaParser();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".avsc")).sorted().toList()) {
                try {
                    parser.parse(file);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("cannot parse " + file + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schemas under " + root, e);
        }
        Map<String, Schema> byName = new LinkedHashMap<>();
        List<Schema> schemas = parser.getParsedNamedSchemas();
        schemas.forEach(schema -> byName.put(schema.getFullName(), schema));
        return new SchemaSet(root, byName);
    }

    public Schema get(String fullName) {
        return byFullName.get(fullName);
    }
}
