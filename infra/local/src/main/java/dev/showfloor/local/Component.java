package dev.showfloor.local;

/**
 * One process of the local stack.
 *
 * @param name      short name used for pid and log files and on the command line
 * @param kind      what it is, which decides how its health is checked
 * @param ports     every loopback port it listens on (checked free before start)
 * @param url       where a human or client reaches it
 * @param healthUrl what answers 200 when it is ready (null for the broker)
 */
record Component(String name, Kind kind, java.util.List<Integer> ports, String url, String healthUrl) {
    enum Kind { BROKER, REGISTRY, PAYMENTS, SERVICE }
}
