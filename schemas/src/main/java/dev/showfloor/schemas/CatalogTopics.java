package dev.showfloor.schemas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates every catalog topic and its dead-letter topic that does not exist yet. */
public final class CatalogTopics {
    private CatalogTopics() {
    }

    /** Returns how many topics were created (0 when all existed). */
    public static int createAll(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicCatalog.Entry entry : TopicCatalog.get().entries()) {
                Map<String, String> config = new HashMap<>();
                config.put(TopicConfig.CLEANUP_POLICY_CONFIG, entry.cleanup());
                config.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(entry.retentionMs()));
                if (!existing.contains(entry.name())) {
                    missing.add(new NewTopic(entry.name(), entry.partitions(), (short) 1).configs(config));
                }
                if (entry.dlq() != null && !existing.contains(entry.dlq())) {
                    missing.add(new NewTopic(entry.dlq(), 1, (short) 1));
                }
            }
            int created = 0;
            for (var result : admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(60, TimeUnit.SECONDS);
                    created++;
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e; // someone else creating the same topic at the same moment is fine
                    }
                }
            }
            return created;
        } catch (Exception e) {
            throw new IllegalStateException("creating the catalog's topics failed: " + e.getMessage(), e);
        }
    }
}
