package dev.showfloor.runtime;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A Java child process with its own heap and log file. */
public final class ChildJvm implements AutoCloseable {

    /** How the child relates to the JVM that starts it. */
    public enum Lifetime {
        /** Ends when the starting JVM ends, even if that JVM is killed (tests). */
        TIED_TO_PARENT,
        /** Outlives the starter in its own session, immune to the terminal's Ctrl-C (local stack). */
        DETACHED
    }

    /**
     * On Java 24+ JBoss Threads (the worker pools of Quarkus, so of every service and the registry) needs
     * java.lang opened; without it each new worker thread dies at its first task and the task is lost, so
     * requests hang. Harmless on Java 21.
     */
    public static final String OPEN_JAVA_LANG = "--add-opens=java.base/java.lang=ALL-UNNAMED";

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildJvm(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    public static ChildJvm start(String name, Lifetime lifetime, List<String> classpath, List<String> jvmArgs,
                                 String mainClass, List<String> args, Map<String, String> env, Path workDir,
                                 Path logFile) {
        List<String> command = new ArrayList<>();
        if (lifetime == Lifetime.DETACHED) {
            command.add("setsid");
        }
        command.add(javaExecutable());
        command.add(OPEN_JAVA_LANG);
        command.addAll(lastCollectorWins(jvmArgs));
        List<String> fullClasspath = new ArrayList<>();
        if (lifetime == Lifetime.TIED_TO_PARENT) {
            fullClasspath.add(ownCodeLocation());
        }
        fullClasspath.addAll(classpath);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, fullClasspath));
        if (lifetime == Lifetime.TIED_TO_PARENT) {
            command.add(ParentWatchdogMain.class.getName());
        }
        command.add(mainClass);
        command.addAll(args);

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        // stdin stays a pipe from us for TIED_TO_PARENT: its end-of-file is the watchdog's signal.
        if (lifetime == Lifetime.DETACHED) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        builder.environment().putAll(env);
        try {
            Files.createDirectories(logFile.getParent());
            return new ChildJvm(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + command, e);
        }
    }

    /**
     * The JVM options with only the last garbage collector named kept: the JVM refuses two, and a caller's
     * default comes before the options a user adds (another collector for an experiment replaces it).
     */
    static List<String> lastCollectorWins(List<String> jvmArgs) {
        int last = -1;
        for (int i = 0; i < jvmArgs.size(); i++) {
            if (isCollector(jvmArgs.get(i))) {
                last = i;
            }
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < jvmArgs.size(); i++) {
            if (i == last || !isCollector(jvmArgs.get(i))) {
                kept.add(jvmArgs.get(i));
            }
        }
        return kept;
    }

    private static boolean isCollector(String jvmArg) {
        return jvmArg.matches("-XX:\\+Use\\w+GC");
    }

    public static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String ownCodeLocation() {
        try {
            return Path.of(ParentWatchdogMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Null while alive; otherwise why it is not, with the end of its log. */
    public String deathNotice() {
        if (process.isAlive()) {
            return null;
        }
        return name + " exited with code " + process.exitValue() + "; last log lines:\n" + tailOfLog(40);
    }

    public String tailOfLog(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Waits for the process to end and returns its exit code; kills it when the wait runs out. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    /** SIGTERM, then SIGKILL after the grace period. */
    public void stop(Duration grace) {
        stop(process.toHandle(), grace);
    }

    public static void stop(ProcessHandle handle, Duration grace) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timedOutOrInterrupted) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // nothing more we can do
            }
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }
}
