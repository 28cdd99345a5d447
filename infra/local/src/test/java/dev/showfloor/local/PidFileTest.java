package dev.showfloor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @Test
    void aRecordedProcessIsFoundAgainEvenWhenItsStartInstantNoLongerMatches(@TempDir Path dir) {
        PidFile recorded = recordSelf(dir);
        // What a stepped wall clock does to the start instant a later reader derives: it moves by seconds.
        PidFile shifted = new PidFile(recorded.pid(), recorded.startMillis() - 44_000, recorded.bootTicks());

        assertEquals(Optional.of(ProcessHandle.current()), shifted.liveProcess(),
                "identified by its start in ticks since boot");
    }

    @Test
    void aRecycledPidIsNotMistakenForTheRecordedProcess(@TempDir Path dir) {
        PidFile recorded = recordSelf(dir);
        PidFile another = new PidFile(recorded.pid(), recorded.startMillis(),
                OptionalLong.of(recorded.bootTicks().getAsLong() - 1));

        assertTrue(another.liveProcess().isEmpty());
    }

    @Test
    void aFileOfTheOlderTwoFieldFormatStillReads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("old.pid");
        Files.writeString(file, "4242 1796155103000\n");

        PidFile read = PidFile.read(file).orElseThrow();

        assertEquals(4242, read.pid());
        assertEquals(OptionalLong.empty(), read.bootTicks());
    }

    private static PidFile recordSelf(Path dir) {
        Path file = dir.resolve("self.pid");
        PidFile.write(file, ProcessHandle.current());
        PidFile recorded = PidFile.read(file).orElseThrow();
        assumeTrue(recorded.bootTicks().isPresent(), "the kernel tells process starts in ticks (Linux)");
        return recorded;
    }
}
