package dev.showfloor.testsupport;

import dev.showfloor.runtime.Await;
import dev.showfloor.runtime.ChildJvm;
import dev.showfloor.runtime.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Packaged Quarkus services ({@code target/quarkus-app}) as child processes on the shared test broker and
 * registry: real instances that a test can query, kill (SIGKILL) and restart. Run from failsafe, after
 * {@code package}.
 */
public final class PackagedServices implements AutoCloseable {
    /** A running instance and its HTTP base URL. */
    public record Instance(String name, ChildJvm process, String baseUrl) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Instance> instances = new ArrayList<>();
    private final Path workDir;

    /**
     * Instances keep their state and logs under a directory of this run only: stream state from an earlier run
     * (against an earlier broker) must never be picked up again.
     */
    public PackagedServices() {
        this.workDir = Path.of("target", "it-instances",
                System.currentTimeMillis() + "-" + ProcessHandle.current().pid()).toAbsolutePath();
    }

    /**
     * Starts {@code <serviceDir>/target/quarkus-app/quarkus-run.jar} as instance {@code name}.
     *
     * @param systemProperties extra -D settings for this instance
     */
    public Instance start(String name, Path serviceDir, TestInfra.Endpoints infra, Map<String, String> systemProperties)
            throws java.io.IOException {
        Path runner = serviceDir.resolve("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(runner)) {
            throw new IllegalStateException(runner + " is missing: build it first ('./mvnw verify' packages it)");
        }
        int port = FreePorts.pick();
        Path dir = Files.createDirectories(workDir.resolve(name));
        List<String> jvmArgs = new ArrayList<>(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + infra.bootstrapServers(),
                "-Dshowfloor.registry.url=" + infra.registryApiUrl(),
                "-Dkafka-streams.state.dir=" + dir.resolve("state")));
        systemProperties.forEach((key, value) -> jvmArgs.add("-D" + key + "=" + value));
        ChildJvm process = ChildJvm.start(name, ChildJvm.Lifetime.TIED_TO_PARENT, List.of(runner.toString()), jvmArgs,
                "io.quarkus.bootstrap.runner.QuarkusEntryPoint", List.of(), Map.of(), dir, dir.resolve(name + ".log"));
        Instance instance = new Instance(name, process, "http://" + FreePorts.LOOPBACK + ":" + port);
        instances.add(instance);
        return instance;
    }

    public static void awaitReady(Instance instance) {
        Await.until(instance.name() + " ready", Duration.ofMinutes(2),
                () -> status(instance.baseUrl() + "/q/health/ready") == 200, instance.process()::deathNotice);
    }

    /** An HTTP answer; status -1 when there was none. */
    public record Answer(int status, String body) {
    }

    public static int status(String url) {
        return get(url).status();
    }

    public static Answer get(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted");
        }
    }

    @Override
    public void close() {
        instances.forEach(instance -> instance.process().stop(Duration.ofSeconds(15)));
    }
}
