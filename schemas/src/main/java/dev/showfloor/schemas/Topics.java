package dev.showfloor.schemas;

import dev.showfloor.events.sessions.ShowEvent;

/** Typed handles on the catalog's topics: the only place Java code names a topic. */
public final class Topics {
    private static final TopicCatalog CATALOG = TopicCatalog.get();

    public static final Topic<ShowEvent> SHOW_EVENTS = CATALOG.topic("sessions.show-events", ShowEvent.class);

    private Topics() {
    }
}
