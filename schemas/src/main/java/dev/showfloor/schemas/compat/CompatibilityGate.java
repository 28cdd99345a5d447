package dev.showfloor.schemas.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * BACKWARD_TRANSITIVE check of the current schemas against every released baseline: a consumer built from
 * today's schemas must read every record any earlier release wrote. Same rule the registry enforces.
 *
 * <p>Baselines live in {@code schemas/baseline/<release>/}, one directory per released schema set.
 */
public final class CompatibilityGate {

    /** One breaking change, named by subject and field. */
    public record Violation(String subject, String release, String field, String kind, String message) {
        @Override
        public String toString() {
            return "subject " + subject + " breaks BACKWARD_TRANSITIVE compatibility with release " + release
                    + " at field '" + field + "': " + kind + " (" + message + ")";
        }
    }

    private CompatibilityGate() {
    }

    /**
     * @param subjects registry subject → full name of its value record (from the topic catalog)
     */
    public static List<Violation> check(Path currentRoot, Path baselineRoot, Map<String, String> subjects) {
        SchemaSet current = SchemaSet.load(currentRoot);
        List<Violation> violations = new ArrayList<>();
        for (Path release : releases(baselineRoot)) {
            SchemaSet baseline = SchemaSet.load(release);
            String releaseName = release.getFileName().toString();
            subjects.forEach((subject, valueType) -> {
                Schema reader = current.get(valueType);
                Schema writer = baseline.get(valueType);
                if (reader == null) {
                    violations.add(new Violation(subject, releaseName, "(record)", "SUBJECT_REMOVED",
                            valueType + " no longer exists"));
                    return;
                }
                if (writer == null) {
                    return; // a subject new since that release
                }
                collect(reader, writer, "", (field, incompatibility) -> violations.add(new Violation(subject,
                        releaseName, field, incompatibility.getType().name(), incompatibility.getMessage())));
            });
        }
        return violations;
    }

    /**
     * Reports each incompatibility at the deepest field that causes it. Avro reports a changed record inside a
     * union (every topic value's payload) only as a missing union branch, so such branches are checked again
     * against the reader's record of the same name.
     */
    private static void collect(Schema reader, Schema writer, String prefix,
                                java.util.function.BiConsumer<String, Incompatibility> sink) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        for (Incompatibility incompatibility : result.getIncompatibilities()) {
            Schema writerBranch = writerBranch(incompatibility);
            if (incompatibility.getType() == SchemaCompatibility.SchemaIncompatibilityType.MISSING_UNION_BRANCH
                    && writerBranch != null && isNamed(writerBranch)) {
                Schema readerBranch = findNamed(reader, writerBranch.getFullName(), new java.util.HashSet<>());
                if (readerBranch != null) {
                    String unionPath = fieldPath(reader, incompatibility.getLocation().replaceFirst("/\\d+$", ""));
                    collect(readerBranch, writerBranch, join(prefix, join(unionPath, writerBranch.getName())), sink);
                    continue;
                }
            }
            sink.accept(join(prefix, fieldPath(reader, incompatibility.getLocation())), incompatibility);
        }
    }

    /** The writer's union branch a MISSING_UNION_BRANCH is about (its index ends the location). */
    private static Schema writerBranch(Incompatibility incompatibility) {
        Schema fragment = incompatibility.getWriterFragment();
        if (fragment == null || fragment.getType() != Schema.Type.UNION) {
            return fragment;
        }
        String location = incompatibility.getLocation();
        String last = location.substring(location.lastIndexOf('/') + 1);
        if (!last.chars().allMatch(Character::isDigit) || last.isEmpty()) {
            return null;
        }
        int index = Integer.parseInt(last);
        return index < fragment.getTypes().size() ? fragment.getTypes().get(index) : null;
    }

    private static boolean isNamed(Schema schema) {
        return schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.ENUM
                || schema.getType() == Schema.Type.FIXED;
    }

    private static Schema findNamed(Schema schema, String fullName, java.util.Set<Schema> visited) {
        if (!visited.add(schema)) {
            return null;
        }
        if (isNamed(schema) && schema.getFullName().equals(fullName)) {
            return schema;
        }
        List<Schema> children = switch (schema.getType()) {
            case RECORD -> schema.getFields().stream().map(Schema.Field::schema).toList();
            case UNION -> schema.getTypes();
            case ARRAY -> List.of(schema.getElementType());
            case MAP -> List.of(schema.getValueType());
            default -> List.of();
        };
        for (Schema child : children) {
            Schema found = findNamed(child, fullName, visited);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String join(String prefix, String path) {
        if (prefix.isEmpty() || path.equals("(root)")) {
            return prefix.isEmpty() ? path : prefix;
        }
        return prefix + "." + path;
    }

    private static List<Path> releases(Path baselineRoot) {
        if (!Files.isDirectory(baselineRoot)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(baselineRoot)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Turns Avro's location pointer ({@code /fields/1/type/3/fields/0}) into record and field names
     * ({@code payload.HoldPlaced.quantity}) by walking the reader schema.
     */
    static String fieldPath(Schema reader, String location) {
        List<String> names = new ArrayList<>();
        Schema schema = reader;
        String[] steps = location.replaceFirst("^/", "").split("/");
        for (int i = 0; i < steps.length && schema != null; i++) {
            String step = steps[i];
            switch (step) {
                case "fields" -> {
                    if (i + 1 < steps.length && schema.getType() == Schema.Type.RECORD) {
                        Schema.Field field = schema.getFields().get(Integer.parseInt(steps[++i]));
                        names.add(field.name());
                        schema = field.schema();
                    }
                }
                case "type", "" -> { }
                case "items" -> schema = schema.getType() == Schema.Type.ARRAY ? schema.getElementType() : schema;
                case "values" -> schema = schema.getType() == Schema.Type.MAP ? schema.getValueType() : schema;
                case "symbols", "size", "name" -> names.add(step);
                default -> {
                    if (schema.getType() == Schema.Type.UNION && step.chars().allMatch(Character::isDigit)) {
                        schema = schema.getTypes().get(Integer.parseInt(step));
                        if (schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.ENUM) {
                            names.add(schema.getName());
                        }
                    }
                }
            }
        }
        return names.isEmpty() ? "(root)" : String.join(".", names);
    }
}
