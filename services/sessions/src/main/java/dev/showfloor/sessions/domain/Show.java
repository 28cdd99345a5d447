package dev.showfloor.sessions.domain;

import java.time.Instant;
import java.util.List;

/** A pop-up show as scheduled. */
public record Show(String showId, String name, String locationId, String neighbourhood, FloorArea floorArea,
                   List<OpenWindow> openWindows) {

    /** One stretch of time the show's doors are open. */
    public record OpenWindow(Instant opensAt, Instant closesAt) {
        public OpenWindow {
            if (opensAt == null || closesAt == null || !closesAt.isAfter(opensAt)) {
                throw new IllegalArgumentException("an open window needs opensAt before closesAt");
            }
        }
    }

    public Show {
        requireText(showId, "showId");
        requireText(name, "name");
        requireText(locationId, "locationId");
        requireText(neighbourhood, "neighbourhood");
        if (floorArea == null) {
            throw new IllegalArgumentException("floorArea is required");
        }
        openWindows = openWindows == null ? List.of() : List.copyOf(openWindows);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
