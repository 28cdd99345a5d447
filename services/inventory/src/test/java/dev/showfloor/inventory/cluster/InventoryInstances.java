package dev.showfloor.inventory.cluster;

import dev.showfloor.runtime.Await;
import dev.showfloor.runtime.ChildJvm;
import dev.showfloor.runtime.FreePorts;
import dev.showfloor.testsupport.TestInfra;
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

/** Real, packaged inventory service instances as child processes sharing one application id. */
final class InventoryInstances implements AutoCloseable {
    /** A running instance and its HTTP base URL. */
    record Instance(String name, ChildJvm process, String baseUrl) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Instance> instances = new ArrayList<>();
    private final Path workDir;

    InventoryInstances(Path workDir) {
        this.workDir = workDir;
    }

    Instance start(String name, TestInfra.Endpoints infra) throws Exception {
        Path runner = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(runner)) {
            throw new IllegalStateException(runner + " is missing: run the integration tests through './mvnw verify'");
        }
        int port = FreePorts.pick();
        Path dir = Files.createDirectories(workDir.resolve(name));
        ChildJvm process = ChildJvm.start(name, ChildJvm.Lifetime.TIED_TO_PARENT, List.of(runner.toString()),
                List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-Dquarkus.http.port=" + port,
                        "-Dkafka.bootstrap.servers=" + infra.bootstrapServers(),
                        "-Dshowfloor.registry.url=" + infra.registryApiUrl(),
                        "-Dkafka-streams.state.dir=" + dir.resolve("state")),
                "io.quarkus.bootstrap.runner.QuarkusEntryPoint", List.of(), Map.of(), dir, dir.resolve(name + ".log"));
        Instance instance = new Instance(name, process, "http://" + FreePorts.LOOPBACK + ":" + port);
        instances.add(instance);
        return instance;
    }

    static void awaitReady(Instance instance) {
        Await.until(instance.name() + " ready", Duration.ofMinutes(2),
                () -> status(instance.baseUrl() + "/q/health/ready") == 200, instance.process()::deathNotice);
    }

    /** An HTTP answer; status -1 when there was none. */
    record Answer(int status, String body) {
    }

    static int status(String url) {
        return get(url).status();
    }

    static Answer get(String url) {
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
