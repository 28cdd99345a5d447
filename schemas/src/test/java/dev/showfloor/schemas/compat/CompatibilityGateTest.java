package dev.showfloor.schemas.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.showfloor.schemas.TopicCatalog;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CompatibilityGateTest {
    private static final Path FIXTURES = Path.of("src/test/resources/compat");
    private static final Map<String, String> FIXTURE_SUBJECTS = Map.of("things-value", "fixture.ThingEvent");

    /** The gate itself: the build fails here when a schema change would break readers of released data. */
    @Test
    void currentSchemasReadEveryReleasedBaseline() {
        Map<String, String> subjects = new LinkedHashMap<>();
        TopicCatalog.get().entries().forEach(topic -> subjects.put(topic.name() + "-value", topic.value()));

        List<CompatibilityGate.Violation> violations =
                CompatibilityGate.check(Path.of("src/main/avro"), Path.of("baseline"), subjects);

        assertTrue(violations.isEmpty(), () -> "breaking schema changes:\n" + violations.stream()
                .map(CompatibilityGate.Violation::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void aFieldAddedWithoutDefaultIsReportedWithSubjectAndField() {
        List<CompatibilityGate.Violation> violations = CompatibilityGate.check(
                FIXTURES.resolve("added-required-field"), FIXTURES.resolve("baseline"), FIXTURE_SUBJECTS);

        assertEquals(1, violations.size(), violations::toString);
        CompatibilityGate.Violation violation = violations.getFirst();
        assertEquals("things-value", violation.subject());
        assertEquals("payload.ThingHappened.colour", violation.field());
        assertEquals("READER_FIELD_MISSING_DEFAULT_VALUE", violation.kind());
        assertTrue(violation.toString().contains("things-value") && violation.toString().contains("colour"));
    }

    @Test
    void aChangedFieldTypeIsReportedWithSubjectAndField() {
        List<CompatibilityGate.Violation> violations = CompatibilityGate.check(
                FIXTURES.resolve("changed-type"), FIXTURES.resolve("baseline"), FIXTURE_SUBJECTS);

        assertEquals(1, violations.size(), violations::toString);
        assertEquals("payload.ThingHappened.quantity", violations.getFirst().field());
        assertEquals("TYPE_MISMATCH", violations.getFirst().kind());
    }

    @Test
    void compatibleEvolutionPasses() {
        assertEquals(List.of(), CompatibilityGate.check(
                FIXTURES.resolve("compatible-change"), FIXTURES.resolve("baseline"), FIXTURE_SUBJECTS));
    }
}
