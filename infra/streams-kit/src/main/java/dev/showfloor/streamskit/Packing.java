package dev.showfloor.streamskit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Numbers read and written in place in byte arrays, for state packed into a few large arrays. */
final class Packing {
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private Packing() {
    }

    static int getInt(byte[] bytes, int offset) {
        return (int) INTS.get(bytes, offset);
    }

    static void putInt(byte[] bytes, int offset, int value) {
        INTS.set(bytes, offset, value);
    }
}
