package dev.showfloor.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** Where the broker's jars and the registry's distribution are, as resolved by the Maven build. */
public final class RuntimeArtifacts {
    private static final Properties PROPERTIES = load();

    private RuntimeArtifacts() {
    }

    public static List<String> kafkaBrokerClasspath() {
        String classpath = resource("showfloor/kafka-broker.classpath");
        List<String> entries = Arrays.stream(classpath.trim().split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .toList();
        entries.stream().filter(entry -> !Files.exists(Path.of(entry))).findFirst().ifPresent(missing -> {
            throw new IllegalStateException("Kafka broker jar " + missing + " is missing from the local Maven "
                    + "repository; rebuild infra/runtime (./mvnw -pl infra/runtime install) to resolve it again");
        });
        return entries;
    }

    public static String kafkaVersion() {
        return PROPERTIES.getProperty("kafka.version");
    }

    public static String apicurioVersion() {
        return PROPERTIES.getProperty("apicurio.registry.version");
    }

    /** The registry tarball; {@code -Dshowfloor.apicurio.tarball=...} overrides the build's local repository path. */
    public static Path apicurioTarball() {
        Path tarball = Path.of(System.getProperty("showfloor.apicurio.tarball",
                PROPERTIES.getProperty("apicurio.registry.tarball")));
        if (!Files.isRegularFile(tarball)) {
            throw new IllegalStateException("Apicurio Registry distribution " + tarball + " is missing; "
                    + "rebuild infra/runtime (./mvnw -pl infra/runtime install) so Maven resolves "
                    + "io.apicurio:apicurio-registry-app:" + apicurioVersion() + ":tar.gz:all again");
        }
        return tarball;
    }

    public static String resource(String name) {
        try (InputStream in = RuntimeArtifacts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from showfloor-runtime");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = RuntimeArtifacts.class.getClassLoader()
                .getResourceAsStream("showfloor/runtime.properties")) {
            properties.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("showfloor/runtime.properties is missing from showfloor-runtime", e);
        }
        return properties;
    }
}
