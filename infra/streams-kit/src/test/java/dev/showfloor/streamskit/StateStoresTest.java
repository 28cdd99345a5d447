package dev.showfloor.streamskit;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
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
}
