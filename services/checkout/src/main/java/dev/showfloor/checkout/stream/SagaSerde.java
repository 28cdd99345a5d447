package dev.showfloor.checkout.stream;

import static dev.showfloor.streamskit.VersionedBinarySerde.atEnd;
import static dev.showfloor.streamskit.VersionedBinarySerde.readNullable;
import static dev.showfloor.streamskit.VersionedBinarySerde.writeNullable;

import dev.showfloor.checkout.domain.OrderSaga;
import dev.showfloor.streamskit.VersionedBinarySerde;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/**
 * The saga store and its changelog in a compact binary form: the saga is read and written for every order
 * event and answer, and JSON was about a fifth of the saga's stream thread (JSON of older changelogs is still
 * read). Enums are stored by name, so adding a status does not shift the others.
 */
final class SagaSerde {
    private SagaSerde() {
    }

    static Serde<OrderSaga> sagas() {
        return VersionedBinarySerde.of("order saga", OrderSaga.class, (saga, out) -> {
            out.writeUTF(saga.orderId());
            writeNullable(out, saga.shopperId());
            writeNullable(out, saga.locationId());
            writeNullable(out, saga.currency());
            out.writeLong(saga.totalMinor());
            writeNullable(out, saga.paymentToken());
            writeNullable(out, saga.paymentId());
            writeNullable(out, saga.requestHash());
            out.writeInt(saga.lines().size());
            for (OrderSaga.Line line : saga.lines()) {
                out.writeUTF(line.sku());
                out.writeInt(line.quantity());
                out.writeLong(line.unitPriceMinor());
                writeNullable(out, line.dropId());
                out.writeUTF(line.holdId());
                out.writeLong(line.holdExpiresAtMillis());
                out.writeUTF(line.status().name());
            }
            out.writeUTF(saga.status().name());
            writeNullable(out, saga.rejectionReason());
            out.writeLong(saga.deadlineMillis());
            out.writeLong(saga.endedAtMillis()); // appended: absent from sagas written before it was recorded
        }, in -> {
            String orderId = in.readUTF();
            String shopperId = readNullable(in);
            String locationId = readNullable(in);
            String currency = readNullable(in);
            long totalMinor = in.readLong();
            String paymentToken = readNullable(in);
            String paymentId = readNullable(in);
            String requestHash = readNullable(in);
            int count = in.readInt();
            List<OrderSaga.Line> lines = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                lines.add(OrderSaga.Line.restore(in.readUTF(), in.readInt(), in.readLong(), readNullable(in),
                        in.readUTF(), in.readLong(), OrderSaga.LineStatus.valueOf(in.readUTF())));
            }
            OrderSaga.Status status = OrderSaga.Status.valueOf(in.readUTF());
            String rejectionReason = readNullable(in);
            long deadlineMillis = in.readLong();
            long endedAtMillis = atEnd(in) ? 0 : in.readLong();
            return OrderSaga.restore(orderId, shopperId, locationId, currency, totalMinor, paymentToken, paymentId,
                    requestHash, lines, status, rejectionReason, deadlineMillis, endedAtMillis);
        });
    }
}
