package dev.showfloor.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Runs another main class and exits when the parent process dies.
 *
 * <p>The parent keeps the write end of this process's stdin open for as long as it lives; the kernel
 * closes it when the parent ends for any reason, including SIGKILL, so end-of-file on stdin means
 * "parent gone". This keeps test brokers and registries from outliving a killed test JVM.
 *
 * <p>Usage: {@code java -cp <this>:<app> dev.showfloor.runtime.ParentWatchdogMain <main-class> [args...]}
 */
public final class ParentWatchdogMain {
    private static final long GRACEFUL_EXIT_MILLIS = 15_000;

    private ParentWatchdogMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: ParentWatchdogMain <main-class> [args...]");
            System.exit(2);
        }
        Thread watcher = new Thread(ParentWatchdogMain::exitWhenStdinCloses, "parent-watchdog");
        watcher.setDaemon(true);
        watcher.start();
        try {
            Class.forName(args[0])
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void exitWhenStdinCloses() {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // the parent never writes; anything read is ignored
            }
        } catch (IOException ignored) {
            // a broken pipe means the same as end-of-file
        }
        System.err.println("parent process ended; shutting down");
        Thread halter = new Thread(() -> {
            try {
                Thread.sleep(GRACEFUL_EXIT_MILLIS);
            } catch (InterruptedException ignored) {
                // fall through to halt
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watchdog-halt");
        halter.setDaemon(true);
        halter.start();
        System.exit(3);
    }
}
