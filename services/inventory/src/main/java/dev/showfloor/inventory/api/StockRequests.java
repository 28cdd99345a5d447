package dev.showfloor.inventory.api;

import dev.showfloor.inventory.domain.InventoryDecider;
import dev.showfloor.servicekit.api.Problem;
import dev.showfloor.servicekit.api.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Request bodies of the local-ops endpoints and their validation. */
final class StockRequests {
    /** Location ids and SKUs: letters, digits, dot, dash, underscore; 1–64 characters. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    record Receipt(Integer quantity, String reference) {
    }

    record Adjustment(Integer countedOnHand, String reason) {
    }

    private StockRequests() {
    }

    static void validateIds(String locationId, String sku, List<Problem.FieldError> errors) {
        validateId("locationId", locationId, errors);
        validateId("sku", sku, errors);
    }

    static void validateId(String field, String value, List<Problem.FieldError> errors) {
        if (value == null || !ID.matcher(value).matches()) {
            errors.add(new Problem.FieldError(field, "must match " + ID.pattern()));
        }
    }

    static void validate(String locationId, String sku, Receipt receipt) {
        List<Problem.FieldError> errors = new ArrayList<>();
        validateIds(locationId, sku, errors);
        if (receipt == null || receipt.quantity() == null || receipt.quantity() < 1
                || receipt.quantity() > InventoryDecider.MAX_QUANTITY) {
            errors.add(new Problem.FieldError("quantity", "must be 1.." + InventoryDecider.MAX_QUANTITY));
        }
        if (receipt != null && receipt.reference() != null && receipt.reference().length() > 200) {
            errors.add(new Problem.FieldError("reference", "must be at most 200 characters"));
        }
        throwIfAny(errors);
    }

    static void validate(String locationId, String sku, Adjustment adjustment) {
        List<Problem.FieldError> errors = new ArrayList<>();
        validateIds(locationId, sku, errors);
        if (adjustment == null || adjustment.countedOnHand() == null || adjustment.countedOnHand() < 0
                || adjustment.countedOnHand() > InventoryDecider.MAX_QUANTITY) {
            errors.add(new Problem.FieldError("countedOnHand", "must be 0.." + InventoryDecider.MAX_QUANTITY));
        }
        if (adjustment == null || adjustment.reason() == null || adjustment.reason().isBlank()
                || adjustment.reason().length() > 200) {
            errors.add(new Problem.FieldError("reason", "is required, at most 200 characters"));
        }
        throwIfAny(errors);
    }

    static void throwIfAny(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
