package dev.showfloor.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.showfloor.schemas.compat.SchemaSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The conventions of ../shared/DESIGN.md §4, checked over every schema so they cannot drift. */
class SchemaModelTest {
    private static final SchemaSet ALL = SchemaSet.load(Path.of("src/main/avro"));

    @Test
    void everyRecordEnumAndFieldIsDocumented() {
        List<String> undocumented = new ArrayList<>();
        for (Schema schema : ALL.byFullName().values()) {
            if (blank(schema.getDoc())) {
                undocumented.add(schema.getFullName());
            }
            if (schema.getType() == Schema.Type.RECORD) {
                schema.getFields().stream().filter(field -> blank(field.doc()))
                        .forEach(field -> undocumented.add(schema.getFullName() + "." + field.name()));
            }
        }
        assertEquals(List.of(), undocumented);
    }

    @Test
    void everyEnumCanGrowThroughAnUnknownDefault() {
        List<String> rigid = ALL.byFullName().values().stream()
                .filter(schema -> schema.getType() == Schema.Type.ENUM)
                .filter(schema -> !"UNKNOWN".equals(schema.getEnumDefault())
                        || !"UNKNOWN".equals(schema.getEnumSymbols().getFirst()))
                .map(Schema::getFullName).toList();
        assertEquals(List.of(), rigid);
    }

    @Test
    void noRecordCarriesContactDetails() {
        Set<String> forbidden = Set.of("email", "phone", "firstname", "lastname", "fullname", "shoppername");
        List<String> offending = ALL.byFullName().values().stream()
                .filter(schema -> schema.getType() == Schema.Type.RECORD)
                .flatMap(schema -> schema.getFields().stream()
                        .filter(field -> forbidden.stream().anyMatch(word -> field.name().toLowerCase().contains(word)))
                        .map(field -> schema.getFullName() + "." + field.name()))
                .toList();
        assertEquals(List.of(), offending);
    }

    @Test
    void everyEventTopicValueIsAnEnvelopeAndAUnionOfPastTenseEvents() {
        for (Topic<?> topic : Topics.all()) {
            Schema value = ALL.get(topic.valueType().getName());
            if (topic.compacted() && value.getField("envelope") == null) {
                continue; // state snapshots (stock levels, KPIs) are tables, not events
            }
            assertEquals(List.of("envelope", "payload"),
                    value.getFields().stream().map(Schema.Field::name).toList(), topic.name());
            assertEquals("dev.showfloor.events.common.Envelope", value.getField("envelope").schema().getFullName());
            Schema payload = value.getField("payload").schema();
            assertEquals(Schema.Type.UNION, payload.getType(), topic.name());
            assertTrue(payload.getTypes().stream().noneMatch(branch -> branch.getType() == Schema.Type.NULL),
                    topic.name());
        }
    }

    @Test
    void catalogAndTypedTopicsNameTheSameTopics() {
        assertEquals(TopicCatalog.get().entries().stream().map(TopicCatalog.Entry::name).collect(Collectors.toList()),
                Topics.all().stream().map(Topic::name).collect(Collectors.toList()));
        Topics.all().forEach(topic -> assertTrue(topic.dlq().equals(topic.name() + ".dlq"), topic.name()));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
