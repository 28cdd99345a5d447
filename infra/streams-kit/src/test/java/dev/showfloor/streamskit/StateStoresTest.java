package dev.showfloor.streamskit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;

class StateStoresTest {
    @Test
    void eachKindIsLoggedAndCachedAndOnlyRocksDbIsPersistent() {
        for (StateStores.Kind kind : StateStores.Kind.values()) {
            var builder = StateStores.keyValue(kind, "s-" + kind, Serdes.String(), Serdes.Long());
            assertThat(builder.loggingEnabled()).as(kind + " changelog").isTrue();
            KeyValueStore<String, Long> store = builder.build();
            assertThat(store.persistent()).as(kind + " persistent").isEqualTo(kind == StateStores.Kind.ROCKSDB);
        }
    }

    @Test
    void historiesAreLoggedAndInRocksDb() {
        var builder = StateStores.history("h", Duration.ofHours(1), Serdes.String(), Serdes.String());
        assertThat(builder.loggingEnabled()).as("changelog").isTrue();
        WindowStore<String, String> store = builder.build();
        assertThat(store.persistent()).as("persistent").isTrue();
    }
}
