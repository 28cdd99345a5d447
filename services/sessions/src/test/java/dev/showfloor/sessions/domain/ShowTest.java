package dev.showfloor.sessions.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShowTest {

    @Test
    void rejectsANonPositiveFloorArea() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> new FloorArea(0, FloorArea.Unit.SQUARE_METRE));
        assertTrue(error.getMessage().contains("floorArea"));
    }

    @Test
    void directoryKeepsTheLatestSchedulePerShow() {
        ShowDirectory directory = new ShowDirectory();
        directory.scheduled(new Show("s1", "First", "loc", "hood", new FloorArea(10, FloorArea.Unit.SQUARE_METRE), null));
        directory.scheduled(new Show("s1", "Renamed", "loc", "hood", new FloorArea(100, FloorArea.Unit.SQUARE_FOOT), null));
        assertEquals(1, directory.size());
        assertEquals("Renamed", directory.find("s1").orElseThrow().name());
        assertEquals(9.29, directory.find("s1").orElseThrow().floorArea().squareMetres(), 0.01);
    }
}
