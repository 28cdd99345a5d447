package dev.showfloor.streamskit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

/**
 * What falls due when, for one task, ordered by time, so a wall-clock punctuator touches only what is due
 * instead of scanning every aggregate. Kept in memory and rebuilt from the task's own store when the task
 * starts (each aggregate carries its deadline), not changelogged: the store is already the durable record, and
 * an index on disk added its writes, later its removals, and a changelog partition to every transaction.
 * An entry that no longer applies is either cancelled (where its owner can name its time, and it would otherwise
 * stay long) or handed out when due and skipped by the caller. Entries due in the same millisecond share one
 * slot, so inserts compare a few thousand numbers, not every entry.
 *
 * @param <T> what is due (an aggregate key, or a key and an id)
 */
public final class DeadlineIndex<T> {
    private final TreeMap<Long, List<T>> slots = new TreeMap<>();

    public void schedule(long atMillis, T due) {
        slots.computeIfAbsent(atMillis, at -> new ArrayList<>(2)).add(due);
    }

    /** Removes one entry equal to {@code due} scheduled at {@code atMillis}, if there is one. */
    public void cancel(long atMillis, T due) {
        List<T> slot = slots.get(atMillis);
        if (slot != null && slot.remove(due) && slot.isEmpty()) {
            slots.remove(atMillis);
        }
    }

    /** Removes and returns every entry due at or before {@code nowMillis}, earliest first. */
    public List<T> takeDue(long nowMillis) {
        List<T> due = new ArrayList<>();
        Iterator<List<T>> overdue = slots.headMap(nowMillis, true).values().iterator();
        while (overdue.hasNext()) {
            due.addAll(overdue.next());
            overdue.remove();
        }
        return due;
    }

    public int size() {
        return slots.values().stream().mapToInt(List::size).sum();
    }
}
