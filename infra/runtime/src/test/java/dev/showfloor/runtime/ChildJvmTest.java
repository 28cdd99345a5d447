package dev.showfloor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChildJvmTest {
    @Test
    void aCollectorChosenInTheExtraOptionsReplacesTheDefault() {
        assertEquals(List.of(), ChildJvm.collectorUnlessChosen("-XX:+UseG1GC",
                List.of("-Xlog:gc", "-XX:+UseParallelGC")));
        assertEquals(List.of("-XX:+UseG1GC"), ChildJvm.collectorUnlessChosen("-XX:+UseG1GC",
                List.of("-XX:+UseStringDeduplication", "-XX:MaxGCPauseMillis=5")));
        assertEquals(List.of("-XX:+UseSerialGC"), ChildJvm.collectorUnlessChosen("-XX:+UseSerialGC", List.of()));
    }
}
