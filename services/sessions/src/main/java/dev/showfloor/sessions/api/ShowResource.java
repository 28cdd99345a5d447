package dev.showfloor.sessions.api;

import dev.showfloor.servicekit.api.ProblemException;
import dev.showfloor.sessions.domain.FloorArea;
import dev.showfloor.sessions.domain.Show;
import dev.showfloor.sessions.domain.ShowDirectory;
import dev.showfloor.sessions.messaging.ShowEventPublisher;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

@Path("/shows")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ShowResource {
    private final ShowEventPublisher publisher;
    private final ShowDirectory directory;

    public ShowResource(ShowEventPublisher publisher, ShowDirectory directory) {
        this.publisher = publisher;
        this.directory = directory;
    }

    /** Schedules a show. 202: the event is durably in Kafka; GET the Location once the directory has folded it. */
    @POST
    public CompletionStage<Response> schedule(ScheduleShowRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("a JSON body is required");
        }
        Show show;
        try {
            FloorArea area = new FloorArea(request.floorArea() == null ? Double.NaN : request.floorArea(),
                    request.floorAreaUnit() == null ? FloorArea.Unit.SQUARE_METRE
                            : FloorArea.Unit.valueOf(request.floorAreaUnit()));
            List<Show.OpenWindow> windows = request.openWindows() == null ? List.of()
                    : request.openWindows().stream()
                            .map(window -> new Show.OpenWindow(window.opensAt(), window.closesAt())).toList();
            show = new Show("show-" + UUID.randomUUID(), request.name(), request.locationId(), request.neighbourhood(),
                    area, windows);
        } catch (IllegalArgumentException invalid) {
            throw ProblemException.badRequest(invalid.getMessage());
        }
        return publisher.scheduled(show, show.showId())
                .thenApply(done -> Response.accepted(ShowView.of(show))
                        .location(URI.create("/shows/" + show.showId()))
                        .build());
    }

    @GET
    @Path("/{showId}")
    public ShowView get(@PathParam("showId") String showId) {
        return directory.find(showId).map(ShowView::of)
                .orElseThrow(() -> ProblemException.notFound("no show " + showId));
    }
}
