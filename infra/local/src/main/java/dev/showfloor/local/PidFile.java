package dev.showfloor.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * "pid startMillis" of a process the stack started. The start time guards against killing an unrelated
 * process that inherited a recycled pid.
 */
record PidFile(long pid, long startMillis) {

    static void write(Path file, ProcessHandle handle) {
        long start = handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, handle.pid() + " " + start + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<PidFile> read(Path file) {
        try {
            String[] parts = Files.readString(file).trim().split("\\s+");
            return Optional.of(new PidFile(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The live process this file describes, if it still runs. */
    Optional<ProcessHandle> liveProcess() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(handle -> startMillis == 0
                || handle.info().startInstant().map(started -> Math.abs(started.toEpochMilli() - startMillis) < 2_000)
                .orElse(true));
    }
}
