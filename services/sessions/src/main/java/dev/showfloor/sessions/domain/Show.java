package dev.showfloor.sessions.domain;

/** A pop-up show as scheduled. */
public record Show(String showId, String name, String locationId, String neighbourhood, double floorAreaSquareMetres) {
    public Show {
        requireText(showId, "showId");
        requireText(name, "name");
        requireText(locationId, "locationId");
        requireText(neighbourhood, "neighbourhood");
        if (!(floorAreaSquareMetres > 0 && floorAreaSquareMetres <= 100_000)) {
            throw new IllegalArgumentException("floorAreaSquareMetres must be in (0, 100000], was "
                    + floorAreaSquareMetres);
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
