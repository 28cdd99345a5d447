package dev.showfloor.sessions.domain;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every show seen so far: the fold of sessions.show-events. Rebuilt by replaying the topic. */
public final class ShowDirectory {
    private final Map<String, Show> shows = new ConcurrentHashMap<>();

    public void scheduled(Show show) {
        shows.put(show.showId(), show);
    }

    public Optional<Show> find(String showId) {
        return Optional.ofNullable(shows.get(showId));
    }

    public int size() {
        return shows.size();
    }
}
