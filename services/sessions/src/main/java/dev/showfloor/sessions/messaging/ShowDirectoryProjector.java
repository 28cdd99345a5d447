package dev.showfloor.sessions.messaging;

import dev.showfloor.events.sessions.ShowEvent;
import dev.showfloor.events.sessions.ShowScheduled;
import dev.showfloor.sessions.domain.FloorArea;
import dev.showfloor.sessions.domain.Show;
import dev.showfloor.sessions.domain.ShowDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Folds show events into the in-memory directory the API reads. */
@ApplicationScoped
public class ShowDirectoryProjector {
    private final ShowDirectory directory;

    public ShowDirectoryProjector(ShowDirectory directory) {
        this.directory = directory;
    }

    @Incoming("show-events-in")
    public void apply(ShowEvent event) {
        if (event == null) {
            // The deserialization failure handler hands undecodable records on as null; failing sends them to the DLQ.
            throw new IllegalArgumentException("undecodable record on the show events channel");
        }
        if (event.getPayload() instanceof ShowScheduled scheduled) {
            directory.scheduled(new Show(scheduled.getShowId(), scheduled.getName(), scheduled.getLocationId(),
                    scheduled.getNeighbourhood(),
                    new FloorArea(scheduled.getFloorArea(), FloorArea.Unit.valueOf(scheduled.getFloorAreaUnit().name())),
                    scheduled.getOpenWindows().stream()
                            .map(window -> new Show.OpenWindow(window.getOpensAt(), window.getClosesAt())).toList()));
        }
    }
}
