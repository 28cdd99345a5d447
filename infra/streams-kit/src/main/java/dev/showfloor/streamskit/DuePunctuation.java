package dev.showfloor.streamskit;

import java.time.Duration;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * A wall-clock punctuation that runs only when its work says something is due, instead of on a fixed schedule.
 *
 * <p>Kafka Streams commits a task after every punctuation, whether the punctuator wrote anything or not, and under
 * exactly-once each commit is a transaction: a fixed schedule keeps an idle task committing empty transactions
 * (an idle stack with a 5 ms and a 100 ms punctuator ran 160 a second, 0.4 of a core in the broker alone). So the
 * task says when work falls due ({@link #dueAt}), and after each run the work says when it is next due, or that
 * nothing is. Runs are at least {@code resolution} apart, which is also how late a due time may be served.
 *
 * <p>Stream-thread only: create it in {@code Processor#init} (a revived task is initialised again and its old
 * schedules are gone) and call {@link #dueAt} from {@code process} or a punctuator.
 */
public final class DuePunctuation {
    /** What a run does: the work due by {@code wallClockMillis}; answers when more is due, or {@link #NOTHING_DUE}. */
    @FunctionalInterface
    public interface Work {
        long run(long wallClockMillis);
    }

    public static final long NOTHING_DUE = Long.MAX_VALUE;

    private final ProcessorContext<?, ?> context;
    private final long resolutionMillis;
    private final Work work;
    private Cancellable scheduled;
    private long intervalMillis;
    /** When the scheduled run comes, or NOTHING_DUE when none is scheduled. */
    private long nextRunMillis = NOTHING_DUE;

    public DuePunctuation(ProcessorContext<?, ?> context, Duration resolution, Work work) {
        if (resolution.toMillis() < 1) {
            throw new IllegalArgumentException("a punctuation's resolution is at least 1 ms, not " + resolution);
        }
        this.context = context;
        this.resolutionMillis = resolution.toMillis();
        this.work = work;
    }

    /**
     * Asks for a run at {@code atMillis} (wall clock), or the resolution from now if that is later. From
     * {@code process} or a punctuator only: the context's clock is not set yet in {@code init} (see {@link #dueSoon}).
     */
    public void dueAt(long atMillis) {
        if (atMillis == NOTHING_DUE) {
            return;
        }
        long now = context.currentSystemTimeMs();
        long runAt = Math.max(atMillis, now + resolutionMillis);
        if (runAt < nextRunMillis) {
            schedule(runAt - now);
            nextRunMillis = runAt;
        }
    }

    /**
     * Asks for a run the resolution from now, unless one is scheduled: for {@code init}, where the task does not
     * know the time yet (Kafka Streams sets the context's clock before each record and punctuation, not before
     * {@code init}). The run's work then says, on the real clock, when it is next due.
     */
    public void dueSoon() {
        if (scheduled == null) {
            schedule(resolutionMillis);
            nextRunMillis = Long.MIN_VALUE; // unknown, and no later due time runs earlier than the resolution
        }
    }

    /** Whether a run is scheduled. */
    public boolean scheduled() {
        return scheduled != null;
    }

    private void run(long wallClockMillis) {
        long nextDue = work.run(wallClockMillis);
        if (nextDue == NOTHING_DUE) {
            cancel();
            return;
        }
        long runAt = Math.max(nextDue, wallClockMillis + resolutionMillis);
        if (scheduled == null || runAt - wallClockMillis != intervalMillis) {
            schedule(runAt - wallClockMillis); // else the periodic schedule already comes then
        }
        nextRunMillis = runAt;
    }

    private void schedule(long inMillis) {
        cancel();
        intervalMillis = inMillis;
        scheduled = context.schedule(Duration.ofMillis(inMillis), PunctuationType.WALL_CLOCK_TIME, this::run);
    }

    private void cancel() {
        if (scheduled != null) {
            scheduled.cancel();
            scheduled = null;
        }
        nextRunMillis = NOTHING_DUE;
    }
}
