package dev.showfloor.sessions.api;

/** Body of POST /shows. */
public record ScheduleShowRequest(String name, String locationId, String neighbourhood, Double floorAreaSquareMetres) {
}
