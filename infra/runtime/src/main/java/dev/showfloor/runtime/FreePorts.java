package dev.showfloor.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Loopback port helpers: every Showfloor process binds to 127.0.0.1. */
public final class FreePorts {
    public static final String LOOPBACK = "127.0.0.1";
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /**
     * A port the OS just handed out on the loopback interface; the caller binds it right away. Never the same
     * port twice in one JVM: the OS may offer a port again before the first caller has bound it (a broker's
     * listener and controller once got the same one).
     */
    public static int pick() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = osPick();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no loopback port that was not handed out already");
    }

    private static int osPick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free loopback port", e);
        }
    }

    /** True when nothing can bind the port on the loopback interface right now. */
    public static boolean isTaken(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 1);
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
