package dev.showfloor.local;

import dev.showfloor.schemas.TopicCatalog;
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

/** Creates every catalog topic and its dead-letter topic that does not exist yet. */
final class TopicSetup {
    private TopicSetup() {
    }

    static int createAll(String bootstrapServers) {
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
            admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            return missing.size();
        } catch (Exception e) {
            throw new IllegalStateException("creating the catalog's topics failed: " + e.getMessage(), e);
        }
    }
}
