package dev.showfloor.sessions.api;

import dev.showfloor.sessions.domain.Show;

/** A show as the API returns it. */
public record ShowView(String showId, String name, String locationId, String neighbourhood,
                       double floorAreaSquareMetres) {
    static ShowView of(Show show) {
        return new ShowView(show.showId(), show.name(), show.locationId(), show.neighbourhood(),
                show.floorAreaSquareMetres());
    }
}
