package dev.showfloor.sessions.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShowTest {

    @Test
    void rejectsANonPositiveFloorArea() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> new Show("s1", "Show", "loc", "hood", 0));
        assertTrue(error.getMessage().contains("floorAreaSquareMetres"));
    }

    @Test
    void directoryKeepsTheLatestSchedulePerShow() {
        ShowDirectory directory = new ShowDirectory();
        directory.scheduled(new Show("s1", "First", "loc", "hood", 10));
        directory.scheduled(new Show("s1", "Renamed", "loc", "hood", 10));
        assertEquals(1, directory.size());
        assertEquals("Renamed", directory.find("s1").orElseThrow().name());
    }
}
