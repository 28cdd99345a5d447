package dev.showfloor.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * "pid startMillis [bootTicks]" of a process the stack started. The start guards against killing an unrelated
 * process that inherited a recycled pid. Where the kernel tells it (Linux), the start is compared in clock
 * ticks since boot, which never move: a start instant is derived from the wall clock's idea of the boot time,
 * which shifts whenever the wall clock is stepped (a VM's clock sync moved it by 44 s in two hours here), and a
 * stack up for a while would then look like someone else's processes and never be stopped.
 */
record PidFile(long pid, long startMillis, OptionalLong bootTicks) {

    static void write(Path file, ProcessHandle handle) {
        long start = handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        OptionalLong ticks = startTicks(handle.pid());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, handle.pid() + " " + start
                    + (ticks.isPresent() ? " " + ticks.getAsLong() : "") + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<PidFile> read(Path file) {
        try {
            String[] parts = Files.readString(file).trim().split("\\s+");
            OptionalLong ticks = parts.length > 2 ? OptionalLong.of(Long.parseLong(parts[2])) : OptionalLong.empty();
            return Optional.of(new PidFile(Long.parseLong(parts[0]), Long.parseLong(parts[1]), ticks));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The live process this file describes, if it still runs. */
    Optional<ProcessHandle> liveProcess() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::startedWhenRecorded);
    }

    private boolean startedWhenRecorded(ProcessHandle handle) {
        OptionalLong now = startTicks(handle.pid());
        if (bootTicks.isPresent() && now.isPresent()) {
            return bootTicks.getAsLong() == now.getAsLong();
        }
        return startMillis == 0 || handle.info().startInstant()
                .map(started -> Math.abs(started.toEpochMilli() - startMillis) < 2_000).orElse(true);
    }

    /** Field 22 of /proc/{pid}/stat: when the process started, in clock ticks since boot; empty off Linux. */
    static OptionalLong startTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) is in parentheses and may hold spaces; fields 3.. follow the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return OptionalLong.of(Long.parseLong(fields[22 - 3]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
