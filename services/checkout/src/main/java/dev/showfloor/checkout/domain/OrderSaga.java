package dev.showfloor.checkout.domain;

import java.util.ArrayList;
import java.util.List;

/** One order's progress through the checkout saga: the aggregate one stream task owns per orderId. */
public final class OrderSaga {
    /**
     * CONFIRMED may come before every hold is committed (see {@link CheckoutPolicy#confirmMargin()}); CANCELLED
     * is a confirmed order undone because a hold lapsed before inventory committed it.
     */
    public enum Status { PENDING_HOLDS, AWAITING_PAYMENT, COMMITTING, CONFIRMED, REJECTED, CANCELLED }

    public enum LineStatus { PENDING, HELD, COMMITTED, RELEASED, REJECTED }

    /** A line and the hold that reserves it. */
    public static final class Line {
        private String sku;
        private int quantity;
        private long unitPriceMinor;
        private String dropId;
        private String holdId;
        private long holdExpiresAtMillis;
        private LineStatus status = LineStatus.PENDING;

        Line() {
        }

        Line(String sku, int quantity, long unitPriceMinor, String dropId, String holdId) {
            this.sku = sku;
            this.quantity = quantity;
            this.unitPriceMinor = unitPriceMinor;
            this.dropId = dropId;
            this.holdId = holdId;
        }

        public String sku() {
            return sku;
        }

        public int quantity() {
            return quantity;
        }

        public String holdId() {
            return holdId;
        }

        public LineStatus status() {
            return status;
        }

        public String dropId() {
            return dropId;
        }

        public long unitPriceMinor() {
            return unitPriceMinor;
        }

        public long holdExpiresAtMillis() {
            return holdExpiresAtMillis;
        }

        /** A line as a snapshot recorded it (a state store's serde). */
        public static Line restore(String sku, int quantity, long unitPriceMinor, String dropId, String holdId,
                                   long holdExpiresAtMillis, LineStatus status) {
            Line line = new Line(sku, quantity, unitPriceMinor, dropId, holdId);
            line.holdExpiresAtMillis = holdExpiresAtMillis;
            line.status = status;
            return line;
        }

        void held(long expiresAtMillis) {
            this.status = LineStatus.HELD;
            this.holdExpiresAtMillis = expiresAtMillis;
        }

        void status(LineStatus status) {
            this.status = status;
        }
    }

    private String orderId;
    private String shopperId;
    private String locationId;
    private String currency;
    private long totalMinor;
    private String paymentToken;
    private String paymentId;
    private String requestHash;
    private List<Line> lines = new ArrayList<>();
    private Status status = Status.PENDING_HOLDS;
    private String rejectionReason;
    private long deadlineMillis;
    /** When the saga first ended (0 while it runs, and in sagas stored before this was recorded). */
    private long endedAtMillis;

    OrderSaga() {
    }

    OrderSaga(String orderId, String shopperId, String locationId, String currency, long totalMinor,
              String paymentToken, String requestHash, List<Line> lines, long deadlineMillis) {
        this.orderId = orderId;
        this.shopperId = shopperId;
        this.locationId = locationId;
        this.currency = currency;
        this.totalMinor = totalMinor;
        this.paymentToken = paymentToken;
        this.requestHash = requestHash;
        this.lines = new ArrayList<>(lines);
        this.deadlineMillis = deadlineMillis;
    }

    public String orderId() {
        return orderId;
    }

    public String shopperId() {
        return shopperId;
    }

    public String locationId() {
        return locationId;
    }

    public String currency() {
        return currency;
    }

    public long totalMinor() {
        return totalMinor;
    }

    public String requestHash() {
        return requestHash;
    }

    public Status status() {
        return status;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public long deadlineMillis() {
        return deadlineMillis;
    }

    public List<Line> lines() {
        return lines;
    }

    public long endedAtMillis() {
        return endedAtMillis;
    }

    public boolean finished() {
        return status == Status.CONFIRMED || status == Status.REJECTED || status == Status.CANCELLED;
    }

    public String paymentToken() {
        return paymentToken;
    }

    public String paymentId() {
        return paymentId;
    }

    /** A saga as a snapshot recorded it (a state store's serde). */
    public static OrderSaga restore(String orderId, String shopperId, String locationId, String currency,
                                    long totalMinor, String paymentToken, String paymentId, String requestHash,
                                    List<Line> lines, Status status, String rejectionReason, long deadlineMillis,
                                    long endedAtMillis) {
        OrderSaga saga = new OrderSaga(orderId, shopperId, locationId, currency, totalMinor, paymentToken,
                requestHash, lines, deadlineMillis);
        saga.paymentId = paymentId;
        saga.status = status;
        saga.rejectionReason = rejectionReason;
        saga.endedAtMillis = endedAtMillis;
        return saga;
    }

    void paymentId(String paymentId) {
        this.paymentId = paymentId;
    }

    void status(Status status, long deadlineMillis) {
        this.status = status;
        this.deadlineMillis = deadlineMillis;
    }

    /**
     * Records when the saga ended, once: a later change (a cancellation after confirming) keeps the first time.
     * True if this recorded it.
     */
    boolean endedAt(long millis) {
        if (endedAtMillis != 0 || !finished()) {
            return false;
        }
        endedAtMillis = millis;
        return true;
    }

    void reject(String reason) {
        end(Status.REJECTED, reason);
    }

    void end(Status status, String reason) {
        this.status = status;
        this.rejectionReason = reason;
        this.deadlineMillis = 0;
    }

    Line lineByHold(String holdId) {
        return lines.stream().filter(line -> line.holdId().equals(holdId)).findFirst().orElse(null);
    }

    boolean all(LineStatus lineStatus) {
        return lines.stream().allMatch(line -> line.status() == lineStatus);
    }
}
