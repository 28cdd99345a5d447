package dev.showfloor.sessions.api;

import java.time.Instant;
import java.util.List;

/** Body of POST /shows. {@code floorAreaUnit} defaults to SQUARE_METRE. */
public record ScheduleShowRequest(String name, String locationId, String neighbourhood, Double floorArea,
                                  String floorAreaUnit, List<Window> openWindows) {
    public record Window(Instant opensAt, Instant closesAt) {
    }
}
