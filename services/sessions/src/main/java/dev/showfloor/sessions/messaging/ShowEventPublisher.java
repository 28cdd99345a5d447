package dev.showfloor.sessions.messaging;

import dev.showfloor.events.common.Envelope;
import dev.showfloor.events.sessions.FloorAreaUnit;
import dev.showfloor.events.sessions.OpenWindow;
import dev.showfloor.events.sessions.ShowEvent;
import dev.showfloor.events.sessions.ShowScheduled;
import dev.showfloor.sessions.domain.Show;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Writes show events, keyed by show id so each show's history stays in order. */
@ApplicationScoped
public class ShowEventPublisher {
    static final String PRODUCER = "sessions";
    private final Emitter<Record<String, ShowEvent>> emitter;

    public ShowEventPublisher(@Channel("show-events-out") Emitter<Record<String, ShowEvent>> emitter) {
        this.emitter = emitter;
    }

    /** Completes once the broker has acknowledged the event. */
    public CompletionStage<Void> scheduled(Show show, String correlationId) {
        ShowScheduled payload = ShowScheduled.newBuilder()
                .setShowId(show.showId())
                .setName(show.name())
                .setLocationId(show.locationId())
                .setNeighbourhood(show.neighbourhood())
                .setFloorArea(show.floorArea().value())
                .setFloorAreaUnit(FloorAreaUnit.valueOf(show.floorArea().unit().name()))
                .setOpenWindows(show.openWindows().stream()
                        .map(window -> new OpenWindow(window.opensAt(), window.closesAt())).toList())
                .build();
        ShowEvent event = ShowEvent.newBuilder()
                .setEnvelope(Envelope.newBuilder()
                        .setEventId(UUID.randomUUID().toString())
                        .setOccurredAt(Instant.now())
                        .setCorrelationId(correlationId)
                        .setCausationId(null)
                        .setProducer(PRODUCER)
                        .setShopperId(null)
                        .build())
                .setPayload(payload)
                .build();
        return emitter.send(Record.of(show.showId(), event));
    }
}
