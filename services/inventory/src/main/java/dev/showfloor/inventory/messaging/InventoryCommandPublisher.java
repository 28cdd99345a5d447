package dev.showfloor.inventory.messaging;

import dev.showfloor.events.common.Envelope;
import dev.showfloor.events.inventory.InventoryCommand;
import dev.showfloor.inventory.domain.CommandAddress;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Puts local-ops commands (receipts, counts) on inventory.commands under their (location, sku) key. */
@ApplicationScoped
public class InventoryCommandPublisher {
    private final Emitter<Record<String, InventoryCommand>> emitter;

    public InventoryCommandPublisher(@Channel("inventory-commands-out") Emitter<Record<String, InventoryCommand>> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker has the command. */
    public CompletionStage<Void> send(Object command) {
        CommandAddress address = CommandAddress.of(command);
        Envelope envelope = Envelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setCorrelationId(address.commandId())
                .setCausationId(null)
                .setProducer("inventory-api")
                .setShopperId(null)
                .build();
        return emitter.send(Record.of(address.key(), new InventoryCommand(envelope, command)));
    }
}
