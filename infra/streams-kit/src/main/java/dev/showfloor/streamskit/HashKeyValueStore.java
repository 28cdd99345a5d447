package dev.showfloor.streamskit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateRestoreCallback;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * An in-memory key-value store on a hash table, for state read and written by key only (open holds, buyer
 * totals). Kafka Streams' in-memory store is a sorted tree so that it can answer ranges; with a few hundred
 * thousand open holds a lookup there compares keys byte by byte about twenty times (a profile put the tree at
 * 11% of inventory's stream thread). Here a lookup is one hash. Ranges, prefix and full scans are still answered,
 * from a sorted copy, so they are correct but cost a sort: meant for a task's start, not for the hot path.
 * Durability is the changelog's, as for any in-memory store: Kafka Streams wraps this store in its
 * change-logging layer and restores it through the callback registered in {@link #init}.
 *
 * <p>Entries are packed into a few large byte pages and the table is two arrays of numbers, so the store is a
 * handful of objects however many entries it holds. Until 2026-12-06 it was a map of key and value arrays: four
 * objects per entry, which every young collection copied until they were promoted, and whose updates dirtied
 * the old generation all over; with a few hundred thousand open holds that made inventory's young pauses 30–60
 * ms. An entry is [key length][value length][key][value]; a put appends, and a page whose entries are mostly
 * replaced or deleted has its live ones moved to the page being written and is dropped.
 */
public final class HashKeyValueStore implements KeyValueStore<Bytes, byte[]> {
    /** Entries are appended to pages of this size; a larger entry gets a page of its own. */
    static final int PAGE_BYTES = 256 * 1024;
    private static final int ENTRY_HEADER = 2 * Integer.BYTES;
    private static final int MIN_SLOTS = 64;
    /** Dropped pages kept for reuse, at most (16 MiB). */
    private static final int MAX_SPARE_PAGES = 64;
    /** Table slots hold an entry's address + 1, so that 0 is an empty slot; -1 marks a deleted entry's slot. */
    private static final long EMPTY = 0;
    private static final long REMOVED = -1;

    private final String name;
    /** Which input offsets the state reflects, as Kafka Streams asks every store (changelog, IQv2). */
    private final Position position = Position.emptyPosition();
    private StateStoreContext context;
    private volatile boolean open;

    private byte[][] pages;
    private int[] pageUsed;
    /** Bytes of a page's entries that the table still points to. */
    private int[] pageLive;
    private int pagesMade;
    private final ArrayDeque<Integer> freePages = new ArrayDeque<>();
    /**
     * Dropped pages kept for the next ones: pages live long enough to be promoted, so a store whose entries come
     * and go (holds placed and released) would otherwise leave a page of garbage in the old generation for each.
     */
    private final ArrayDeque<byte[]> sparePages = new ArrayDeque<>();
    private int writePage;
    /** Set while a sparse page's entries move, so that the move does not start another. */
    private boolean relocating;

    /** Open addressing with linear probing; at most half the slots used or marked removed. */
    private long[] slots;
    private int[] hashes;
    private int entries;
    private int removedSlots;

    public HashKeyValueStore(String name) {
        this.name = name;
        reset();
    }

    /** Supplies one store per task, under {@code name}. */
    public static KeyValueBytesStoreSupplier supplier(String name) {
        return new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return new HashKeyValueStore(name);
            }

            @Override
            public String metricsScope() {
                return "in-memory-hash";
            }
        };
    }

    private void reset() {
        pages = new byte[8][];
        pageUsed = new int[8];
        pageLive = new int[8];
        pagesMade = 0;
        freePages.clear();
        sparePages.clear();
        writePage = -1;
        slots = new long[MIN_SLOTS];
        hashes = new int[MIN_SLOTS];
        entries = 0;
        removedSlots = 0;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        this.context = context;
        if (root != null) {
            context.register(root, (StateRestoreCallback) (key, value) -> {
                synchronized (this) {
                    if (value == null) {
                        remove(key);
                    } else {
                        write(key, value);
                    }
                }
            });
        }
        open = true;
    }

    @Override
    public void flush() {
        // nothing buffered: the changelog layer above has already sent every write
    }

    @Override
    public synchronized void close() {
        reset();
        open = false;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public Position getPosition() {
        return position;
    }

    private void track() {
        if (context != null) {
            // A punctuation writes with no input record behind it (no topic): nothing to track then.
            context.recordMetadata().filter(input -> input.topic() != null).ifPresent(input ->
                    position.withComponent(input.topic(), input.partition(), input.offset()));
        }
    }

    @Override
    public synchronized void put(Bytes key, byte[] value) {
        track();
        if (value == null) {
            remove(key.get());
        } else {
            write(key.get(), value);
        }
    }

    @Override
    public synchronized byte[] putIfAbsent(Bytes key, byte[] value) {
        byte[] current = get(key);
        if (current == null) {
            put(key, value);
        }
        return current;
    }

    @Override
    public synchronized void putAll(List<KeyValue<Bytes, byte[]>> batch) {
        batch.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public synchronized byte[] delete(Bytes key) {
        track();
        return remove(key.get());
    }

    @Override
    public synchronized byte[] get(Bytes key) {
        byte[] k = key.get();
        int slot = find(k, 0, k.length, hash(k, 0, k.length));
        return slot < 0 ? null : value(slots[slot] - 1);
    }

    private void write(byte[] key, byte[] value) {
        int h = hash(key, 0, key.length);
        int mask = slots.length - 1;
        int firstRemoved = -1;
        int slot = h & mask;
        for (; slots[slot] != EMPTY; slot = (slot + 1) & mask) {
            long stored = slots[slot];
            if (stored == REMOVED) {
                if (firstRemoved < 0) {
                    firstRemoved = slot;
                }
            } else if (hashes[slot] == h && keyEquals(stored - 1, key, 0, key.length)) {
                long fresh = append(key, value);
                // Read again: making room may have moved the old entry out of a sparse page.
                long replaced = slots[slot] - 1;
                slots[slot] = fresh + 1;
                release(replaced);
                return;
            }
        }
        if (firstRemoved >= 0) {
            slot = firstRemoved;
            removedSlots--;
        }
        slots[slot] = append(key, value) + 1;
        hashes[slot] = h;
        entries++;
        if ((entries + removedSlots) * 2 > slots.length) {
            rehash(capacityFor(entries));
        }
    }

    private byte[] remove(byte[] key) {
        int slot = find(key, 0, key.length, hash(key, 0, key.length));
        if (slot < 0) {
            return null;
        }
        long address = slots[slot] - 1;
        byte[] old = value(address);
        slots[slot] = REMOVED;
        removedSlots++;
        entries--;
        release(address);
        if (slots.length > MIN_SLOTS && entries * 8 < slots.length) {
            rehash(capacityFor(entries));
        }
        return old;
    }

    /** The slot of the entry whose key is {@code key[from, from + length)}, or -1. */
    private int find(byte[] key, int from, int length, int h) {
        int mask = slots.length - 1;
        for (int slot = h & mask; slots[slot] != EMPTY; slot = (slot + 1) & mask) {
            long stored = slots[slot];
            if (stored != REMOVED && hashes[slot] == h && keyEquals(stored - 1, key, from, length)) {
                return slot;
            }
        }
        return -1;
    }

    private static int capacityFor(int entries) {
        int capacity = MIN_SLOTS;
        while (capacity < entries * 4L) {
            capacity <<= 1;
        }
        return capacity;
    }

    private void rehash(int capacity) {
        long[] oldSlots = slots;
        int[] oldHashes = hashes;
        slots = new long[capacity];
        hashes = new int[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] > 0) {
                int slot = oldHashes[i] & mask;
                while (slots[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = oldSlots[i];
                hashes[slot] = oldHashes[i];
            }
        }
        removedSlots = 0;
    }

    private static int hash(byte[] bytes, int from, int length) {
        int h = 1;
        for (int i = from; i < from + length; i++) {
            h = 31 * h + bytes[i];
        }
        h *= 0x9E3779B9; // spread the low bits, which pick the slot
        return h ^ (h >>> 16);
    }

    private static long address(int page, int offset) {
        return ((long) page << 32) | offset;
    }

    private static int pageOf(long address) {
        return (int) (address >>> 32);
    }

    private static int offsetOf(long address) {
        return (int) address;
    }

    private int sizeAt(long address) {
        byte[] page = pages[pageOf(address)];
        int offset = offsetOf(address);
        return ENTRY_HEADER + Packing.getInt(page, offset) + Packing.getInt(page, offset + Integer.BYTES);
    }

    private boolean keyEquals(long address, byte[] key, int from, int length) {
        byte[] page = pages[pageOf(address)];
        int offset = offsetOf(address);
        int start = offset + ENTRY_HEADER;
        return Packing.getInt(page, offset) == length
                && Arrays.equals(page, start, start + length, key, from, from + length);
    }

    private byte[] key(long address) {
        byte[] page = pages[pageOf(address)];
        int start = offsetOf(address) + ENTRY_HEADER;
        return Arrays.copyOfRange(page, start, start + Packing.getInt(page, offsetOf(address)));
    }

    private byte[] value(long address) {
        byte[] page = pages[pageOf(address)];
        int offset = offsetOf(address);
        int start = offset + ENTRY_HEADER + Packing.getInt(page, offset);
        return Arrays.copyOfRange(page, start, start + Packing.getInt(page, offset + Integer.BYTES));
    }

    /** Writes a new entry into the page being written; its address. */
    private long append(byte[] key, byte[] value) {
        long address = reserve(ENTRY_HEADER + key.length + value.length);
        byte[] page = pages[pageOf(address)];
        int offset = offsetOf(address);
        Packing.putInt(page, offset, key.length);
        Packing.putInt(page, offset + Integer.BYTES, value.length);
        System.arraycopy(key, 0, page, offset + ENTRY_HEADER, key.length);
        System.arraycopy(value, 0, page, offset + ENTRY_HEADER + key.length, value.length);
        return address;
    }

    /** Room for {@code size} bytes in the page being written, starting a page when it is full. */
    private long reserve(int size) {
        while (writePage < 0 || pageUsed[writePage] + size > pages[writePage].length) {
            int full = writePage;
            writePage = newPage(Math.max(PAGE_BYTES, size));
            if (full >= 0) {
                compactIfSparse(full); // it may have emptied while it was written
            }
        }
        int offset = pageUsed[writePage];
        pageUsed[writePage] += size;
        pageLive[writePage] += size;
        return address(writePage, offset);
    }

    private int newPage(int bytes) {
        int page = freePages.isEmpty() ? pagesMade++ : freePages.pop();
        if (page >= pages.length) {
            pages = Arrays.copyOf(pages, pages.length * 2);
            pageUsed = Arrays.copyOf(pageUsed, pages.length);
            pageLive = Arrays.copyOf(pageLive, pages.length);
        }
        pages[page] = bytes == PAGE_BYTES && !sparePages.isEmpty() ? sparePages.pop() : new byte[bytes];
        return page;
    }

    /** An entry the table no longer points to: its page may now be mostly garbage. */
    private void release(long address) {
        int page = pageOf(address);
        pageLive[page] -= sizeAt(address);
        compactIfSparse(page);
    }

    /** Drops a page (not the one being written) once under a quarter of it is live, moving what is. */
    private void compactIfSparse(int page) {
        if (relocating || page == writePage || pageLive[page] * 4L > pageUsed[page]) {
            return;
        }
        byte[] bytes = pages[page];
        relocating = true;
        try {
            for (int offset = 0; offset < pageUsed[page] && pageLive[page] > 0; ) {
                int keyLength = Packing.getInt(bytes, offset);
                int size = ENTRY_HEADER + keyLength + Packing.getInt(bytes, offset + Integer.BYTES);
                int keyStart = offset + ENTRY_HEADER;
                int slot = find(bytes, keyStart, keyLength, hash(bytes, keyStart, keyLength));
                if (slot >= 0 && slots[slot] - 1 == address(page, offset)) {
                    long moved = reserve(size);
                    System.arraycopy(bytes, offset, pages[pageOf(moved)], offsetOf(moved), size);
                    slots[slot] = moved + 1;
                    pageLive[page] -= size;
                }
                offset += size;
            }
        } finally {
            relocating = false;
        }
        if (bytes.length == PAGE_BYTES && sparePages.size() < MAX_SPARE_PAGES) {
            sparePages.push(bytes); // its old contents lie beyond pageUsed of whichever page reuses it
        }
        pages[page] = null;
        pageUsed[page] = 0;
        pageLive[page] = 0;
        freePages.push(page);
    }

    /** Pages allocated right now (for tests: an emptied store keeps at most the page being written). */
    synchronized int pagesHeld() {
        int held = 0;
        for (byte[] page : pages) {
            held += page == null ? 0 : 1;
        }
        return held;
    }

    @Override
    public synchronized long approximateNumEntries() {
        return entries;
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return sorted(from, to, false);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return sorted(from, to, true);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        return sorted(null, null, false);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseAll() {
        return sorted(null, null, true);
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, PS prefixSerializer) {
        byte[] start = prefixSerializer.serialize(name, prefix);
        return snapshot(key -> key.get().length >= start.length
                && Arrays.equals(key.get(), 0, start.length, start, 0, start.length), false);
    }

    /** A snapshot of the entries with keys in [from, to] (null: unbounded), in key order or its reverse. */
    private KeyValueIterator<Bytes, byte[]> sorted(Bytes from, Bytes to, boolean reverse) {
        return snapshot(key -> (from == null || key.compareTo(from) >= 0) && (to == null || key.compareTo(to) <= 0),
                reverse);
    }

    /** A copy of the entries whose key is selected, in key order or its reverse. */
    private synchronized KeyValueIterator<Bytes, byte[]> snapshot(Predicate<Bytes> selected, boolean reverse) {
        List<KeyValue<Bytes, byte[]>> copy = new ArrayList<>();
        for (long stored : slots) {
            if (stored > 0) {
                Bytes key = Bytes.wrap(key(stored - 1));
                if (selected.test(key)) {
                    copy.add(KeyValue.pair(key, value(stored - 1)));
                }
            }
        }
        Comparator<KeyValue<Bytes, byte[]>> byKey = Comparator.comparing(entry -> entry.key);
        copy.sort(reverse ? byKey.reversed() : byKey);
        return new SnapshotIterator(copy.iterator());
    }

    private static final class SnapshotIterator implements KeyValueIterator<Bytes, byte[]> {
        private final Iterator<KeyValue<Bytes, byte[]>> entries;
        private KeyValue<Bytes, byte[]> next;

        SnapshotIterator(Iterator<KeyValue<Bytes, byte[]>> entries) {
            this.entries = entries;
        }

        @Override
        public boolean hasNext() {
            if (next == null && entries.hasNext()) {
                next = entries.next();
            }
            return next != null;
        }

        @Override
        public KeyValue<Bytes, byte[]> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            KeyValue<Bytes, byte[]> current = next;
            next = null;
            return current;
        }

        @Override
        public Bytes peekNextKey() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return next.key;
        }

        @Override
        public void close() {
            // a snapshot holds no resources
        }
    }
}
