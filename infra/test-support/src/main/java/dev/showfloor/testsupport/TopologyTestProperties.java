package dev.showfloor.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Properties;

/** Streams settings for a TopologyTestDriver, with a private state directory (no two drivers share RocksDB). */
public final class TopologyTestProperties {
    private TopologyTestProperties() {
    }

    public static Properties forApplication(String applicationId) {
        Properties props = new Properties();
        props.put("application.id", applicationId);
        props.put("bootstrap.servers", "unused:9092");
        try {
            props.put("state.dir", Files.createTempDirectory("showfloor-ttd-").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }
}
