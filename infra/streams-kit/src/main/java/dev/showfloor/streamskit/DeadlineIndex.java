package dev.showfloor.streamskit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>Entries are kept encoded, packed into one byte array per slot, not as objects of their own: an index of
 * long-lived entries (hour-long holds by the hundred thousand) made of small objects was copied by every young
 * collection until it was promoted, and lengthened each pause by tens of milliseconds.
 *
 * @param <T> what is due (an aggregate key, or a key and an id)
 */
public final class DeadlineIndex<T> {
    /** How an entry is packed; equal entries must encode to equal bytes (cancel compares bytes). */
    public interface Codec<T> {
        byte[] encode(T entry);

        T decode(byte[] bytes, int offset, int length);
    }

    /** The entries due in one millisecond: each a 4-byte length and the encoded entry, back to back. */
    private static final class Slot {
        private byte[] bytes = new byte[64];
        private int used;
        private int entries;

        void add(byte[] entry) {
            int needed = used + Integer.BYTES + entry.length;
            if (needed > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
            }
            Packing.putInt(bytes, used, entry.length);
            System.arraycopy(entry, 0, bytes, used + Integer.BYTES, entry.length);
            used = needed;
            entries++;
        }

        /** Removes the first entry equal to {@code entry}; whether there was one. */
        boolean remove(byte[] entry) {
            for (int at = 0; at < used; ) {
                int length = Packing.getInt(bytes, at);
                int start = at + Integer.BYTES;
                int next = start + length;
                if (length == entry.length && Arrays.equals(bytes, start, next, entry, 0, entry.length)) {
                    System.arraycopy(bytes, next, bytes, at, used - next);
                    used -= next - at;
                    entries--;
                    return true;
                }
                at = next;
            }
            return false;
        }

        <T> void decodeInto(Codec<T> codec, List<T> out) {
            for (int at = 0; at < used; ) {
                int length = Packing.getInt(bytes, at);
                out.add(codec.decode(bytes, at + Integer.BYTES, length));
                at += Integer.BYTES + length;
            }
        }
    }

    private final Codec<T> codec;
    private final TreeMap<Long, Slot> slots = new TreeMap<>();
    private int size;

    public DeadlineIndex(Codec<T> codec) {
        this.codec = codec;
    }

    /** An index of strings (aggregate keys), packed as UTF-8. */
    public static DeadlineIndex<String> ofStrings() {
        return new DeadlineIndex<>(new Codec<>() {
            @Override
            public byte[] encode(String entry) {
                return entry.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public String decode(byte[] bytes, int offset, int length) {
                return new String(bytes, offset, length, StandardCharsets.UTF_8);
            }
        });
    }

    public void schedule(long atMillis, T due) {
        slots.computeIfAbsent(atMillis, at -> new Slot()).add(codec.encode(due));
        size++;
    }

    /** Removes one entry equal to {@code due} scheduled at {@code atMillis}, if there is one. */
    public void cancel(long atMillis, T due) {
        Slot slot = slots.get(atMillis);
        if (slot != null && slot.remove(codec.encode(due))) {
            size--;
            if (slot.entries == 0) {
                slots.remove(atMillis);
            }
        }
    }

    /** Removes and returns every entry due at or before {@code nowMillis}, earliest first. */
    public List<T> takeDue(long nowMillis) {
        List<T> due = new ArrayList<>();
        Iterator<Slot> overdue = slots.headMap(nowMillis, true).values().iterator();
        while (overdue.hasNext()) {
            Slot slot = overdue.next();
            slot.decodeInto(codec, due);
            size -= slot.entries;
            overdue.remove();
        }
        return due;
    }

    public int size() {
        return size;
    }

    /** When the earliest entry falls due, or {@link DuePunctuation#NOTHING_DUE} when the index is empty. */
    public long nextDueMillis() {
        return slots.isEmpty() ? DuePunctuation.NOTHING_DUE : slots.firstKey();
    }
}
