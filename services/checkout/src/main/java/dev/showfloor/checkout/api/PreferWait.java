package dev.showfloor.checkout.api;

/**
 * The {@code wait} preference of an HTTP {@code Prefer} header (RFC 7240): how many seconds the client would
 * rather wait for the final answer than be sent elsewhere for it. Like every preference it is a hint, so a
 * malformed one is ignored rather than refused.
 */
final class PreferWait {
    private PreferWait() {
    }

    /** The preferred wait in milliseconds, or 0 when the header asks for none or cannot be read. */
    static long millis(String prefer) {
        if (prefer == null) {
            return 0;
        }
        for (String preference : prefer.split(",")) {
            String nameAndValue = preference.split(";", 2)[0]; // parameters after ';' do not apply to wait
            int equals = nameAndValue.indexOf('=');
            if (equals < 0 || !nameAndValue.substring(0, equals).strip().equalsIgnoreCase("wait")) {
                continue;
            }
            String value = nameAndValue.substring(equals + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            try {
                long seconds = Long.parseLong(value);
                return seconds > 0 ? Math.min(seconds, Long.MAX_VALUE / 1000) * 1000 : 0;
            } catch (NumberFormatException unreadable) {
                return 0;
            }
        }
        return 0;
    }
}
