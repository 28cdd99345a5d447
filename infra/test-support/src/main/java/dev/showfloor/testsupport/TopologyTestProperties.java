package dev.showfloor.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Streams settings for a TopologyTestDriver, with a private state directory (no two drivers share RocksDB),
 * under the module's {@code target/} when there is one so that test runs leave nothing behind in /tmp.
 */
public final class TopologyTestProperties {
    private TopologyTestProperties() {
    }

    public static Properties forApplication(String applicationId) {
        Properties props = new Properties();
        props.put("application.id", applicationId);
        props.put("bootstrap.servers", "unused:9092");
        // Task-level sensors such as punctuate-total record at DEBUG only; tests count punctuations with them.
        props.put("metrics.recording.level", "DEBUG");
        try {
            Path build = Path.of("target");
            Path dir = Files.isDirectory(build) ? Files.createTempDirectory(build, "ttd-state-")
                    : Files.createTempDirectory("showfloor-ttd-");
            props.put("state.dir", dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }
}
