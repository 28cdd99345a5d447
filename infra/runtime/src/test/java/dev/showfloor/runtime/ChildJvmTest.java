package dev.showfloor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChildJvmTest {
    @Test
    void aCollectorNamedAfterTheDefaultReplacesIt() {
        assertEquals(List.of("-Xmx1g", "-Xlog:gc", "-XX:+UseParallelGC"), ChildJvm.lastCollectorWins(
                List.of("-Xmx1g", "-XX:+UseG1GC", "-Xlog:gc", "-XX:+UseParallelGC")));
        assertEquals(List.of("-XX:+UseG1GC", "-XX:+UseStringDeduplication", "-XX:MaxGCPauseMillis=5"),
                ChildJvm.lastCollectorWins(
                        List.of("-XX:+UseG1GC", "-XX:+UseStringDeduplication", "-XX:MaxGCPauseMillis=5")));
        assertEquals(List.of("-XX:+UseSerialGC"), ChildJvm.lastCollectorWins(List.of("-XX:+UseSerialGC")));
    }
}
