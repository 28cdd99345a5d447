package dev.showfloor.sessions.domain;

/** Sales floor area as the organiser states it; revenue per square hour uses {@link #squareMetres()}. */
public record FloorArea(double value, Unit unit) {
    private static final double SQUARE_METRES_PER_SQUARE_FOOT = 0.09290304;
    private static final double LARGEST_PLAUSIBLE_SQUARE_METRES = 100_000;

    public enum Unit { SQUARE_METRE, SQUARE_FOOT }

    public FloorArea {
        if (unit == null) {
            throw new IllegalArgumentException("floorAreaUnit must be SQUARE_METRE or SQUARE_FOOT");
        }
        double squareMetres = unit == Unit.SQUARE_FOOT ? value * SQUARE_METRES_PER_SQUARE_FOOT : value;
        if (!(squareMetres > 0 && squareMetres <= LARGEST_PLAUSIBLE_SQUARE_METRES)) {
            throw new IllegalArgumentException("floorArea must be positive and at most 100000 m², was " + value
                    + " " + unit);
        }
    }

    public double squareMetres() {
        return unit == Unit.SQUARE_FOOT ? value * SQUARE_METRES_PER_SQUARE_FOOT : value;
    }
}
