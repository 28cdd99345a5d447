package dev.showfloor.sessions.api;

import dev.showfloor.sessions.domain.Show;
import java.util.List;

/** A show as the API returns it. */
public record ShowView(String showId, String name, String locationId, String neighbourhood, double floorArea,
                       String floorAreaUnit, double floorAreaSquareMetres, List<Show.OpenWindow> openWindows) {
    static ShowView of(Show show) {
        return new ShowView(show.showId(), show.name(), show.locationId(), show.neighbourhood(),
                show.floorArea().value(), show.floorArea().unit().name(), show.floorArea().squareMetres(),
                show.openWindows());
    }
}
