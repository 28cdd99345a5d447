package dev.showfloor.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** Apicurio Registry 3.x (in-memory storage) as a child process, both its ports bound to 127.0.0.1. */
public final class ApicurioRegistry implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param storageFile H2 database file that keeps schemas across restarts, or null for in-memory storage
     *                    (fine for tests: ids stay valid only as long as the process lives)
     */
    public record Settings(int httpPort, int managementPort, String heap, Path storageFile) {
        public static Settings onFreePorts(String heap) {
            return new Settings(FreePorts.pick(), FreePorts.pick(), heap, null);
        }
    }

    private final ChildJvm process;
    private final Settings settings;

    private ApicurioRegistry(ChildJvm process, Settings settings) {
        this.process = process;
        this.settings = settings;
    }

    public static ApicurioRegistry start(Path workDir, Settings settings, ChildJvm.Lifetime lifetime) {
        Path runnerJar = unpackedDistribution().resolve("quarkus-run.jar");
        List<String> jvmArgs = new ArrayList<>(List.of(
                "-Xms64m", "-Xmx" + settings.heap(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=" + FreePorts.LOOPBACK,
                "-Dquarkus.http.port=" + settings.httpPort(),
                "-Dquarkus.management.host=" + FreePorts.LOOPBACK,
                "-Dquarkus.management.port=" + settings.managementPort(),
                "-Dquarkus.log.level=WARN",
                "-Dquarkus.log.category.\"io.quarkus\".level=INFO"));
        if (settings.storageFile() != null) {
            // WRITE_DELAY=0: a registry killed right after registering a schema must still know it on restart.
            jvmArgs.add("-Dapicurio.datasource.url=jdbc:h2:file:" + settings.storageFile().toAbsolutePath()
                    + ";WRITE_DELAY=0");
        }
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The runner jar's manifest names the rest of the distribution; the entry point finds it from there.
        ChildJvm child = ChildJvm.start("apicurio-registry", lifetime, List.of(runnerJar.toString()), jvmArgs,
                "io.quarkus.bootstrap.runner.QuarkusEntryPoint", List.of(), Map.of(), workDir,
                workDir.resolve("registry.log"));
        return new ApicurioRegistry(child, settings);
    }

    /** Base URL of the server, e.g. {@code http://127.0.0.1:8081}. */
    public String baseUrl() {
        return "http://" + FreePorts.LOOPBACK + ":" + settings.httpPort();
    }

    /** The v3 REST API root that Apicurio's serdes and clients take as their registry URL. */
    public String apiUrl() {
        return baseUrl() + "/apis/registry/v3";
    }

    public ChildJvm process() {
        return process;
    }

    public ApicurioRegistry awaitReady(Duration timeout) {
        Await.until("Apicurio Registry on " + baseUrl() + " becoming ready", timeout,
                () -> isReady(apiUrl()), process::deathNotice);
        return this;
    }

    /** True when the registry's v3 API answers. */
    public static boolean isReady(String apiUrl) {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(apiUrl + "/system/info")).timeout(Duration.ofSeconds(2)).GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The distribution unpacked once per version into a cache shared by all builds on this machine.
     * Unpacking goes to a private directory that is renamed into place, so concurrent builds never see
     * half an installation.
     */
    static Path unpackedDistribution() {
        Path cacheRoot = Path.of(System.getProperty("showfloor.cache.dir",
                Path.of(System.getProperty("user.home"), ".cache", "showfloor").toString()));
        Path target = cacheRoot.resolve("apicurio-registry-" + RuntimeArtifacts.apicurioVersion());
        Path existing = findRunnerDir(target);
        if (existing != null) {
            return existing;
        }
        Path tarball = RuntimeArtifacts.apicurioTarball();
        Path staging = cacheRoot.resolve(".unpack-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", staging.toString())
                    .redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes());
            if (tar.waitFor() != 0) {
                throw new IllegalStateException("unpacking " + tarball + " failed: " + output);
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException lost) {
                deleteRecursively(staging); // another build won the race; use its copy
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + tarball + " into " + cacheRoot, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Path runnerDir = findRunnerDir(target);
        if (runnerDir == null) {
            throw new IllegalStateException("no quarkus-run.jar inside " + tarball);
        }
        return runnerDir;
    }

    private static Path findRunnerDir(Path root) {
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> files = Files.find(root, 4, (path, attrs) -> path.endsWith("quarkus-run.jar"))) {
            return files.findFirst().map(Path::getParent).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }
}
