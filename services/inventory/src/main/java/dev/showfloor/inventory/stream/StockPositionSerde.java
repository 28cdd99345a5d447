package dev.showfloor.inventory.stream;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.showfloor.inventory.domain.StockPosition;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON for the task-local aggregate store and its changelog. Internal state, not a contract: it is rebuilt
 * from inventory.events when its shape changes (see the replay test).
 */
public final class StockPositionSerde {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private StockPositionSerde() {
    }

    public static Serde<StockPosition> create() {
        Serializer<StockPosition> serializer = (topic, position) -> {
            try {
                return position == null ? null : JSON.writeValueAsBytes(position);
            } catch (IOException e) {
                throw new SerializationException("cannot write stock position", e);
            }
        };
        Deserializer<StockPosition> deserializer = (topic, bytes) -> {
            try {
                return bytes == null ? null : JSON.readValue(bytes, StockPosition.class);
            } catch (IOException e) {
                throw new SerializationException("cannot read stock position", e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
