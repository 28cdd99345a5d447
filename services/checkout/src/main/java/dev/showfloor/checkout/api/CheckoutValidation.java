package dev.showfloor.checkout.api;

import dev.showfloor.servicekit.api.Problem;
import dev.showfloor.servicekit.api.ProblemException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a checkout request and names every invalid field (JSON path). */
final class CheckoutValidation {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    static final Set<String> CHANNELS = Set.of("MICROSITE", "LIVE", "IN_PERSON", "OFFLINE_EDGE");
    static final Set<String> METHODS = Set.of("PICKUP", "SAME_DAY_DELIVERY", "SHIP");
    static final int MAX_LINES = 20;
    static final int MAX_QUANTITY = 100;
    static final long MAX_UNIT_PRICE_MINOR = 10_000_000L;

    private CheckoutValidation() {
    }

    static void validate(CheckoutRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw ProblemException.badRequest("a JSON body is required");
        }
        id("shopperId", request.shopperId(), errors);
        id("locationId", request.locationId(), errors);
        if (request.showId() != null) {
            id("showId", request.showId(), errors);
        }
        if (request.channel() != null && !CHANNELS.contains(request.channel())) {
            errors.add(new Problem.FieldError("channel", "must be one of " + CHANNELS));
        }
        if (request.currency() == null || !CURRENCY.matcher(request.currency()).matches()) {
            errors.add(new Problem.FieldError("currency", "must be an ISO 4217 code such as EUR"));
        }
        if (request.lines() == null || request.lines().isEmpty() || request.lines().size() > MAX_LINES) {
            errors.add(new Problem.FieldError("lines", "must hold 1.." + MAX_LINES + " lines"));
        } else {
            Set<String> skus = new HashSet<>();
            for (int i = 0; i < request.lines().size(); i++) {
                CheckoutRequest.Line line = request.lines().get(i);
                String at = "lines[" + i + "]";
                if (line == null) {
                    errors.add(new Problem.FieldError(at, "must not be null"));
                    continue;
                }
                id(at + ".sku", line.sku(), errors);
                if (line.sku() != null && !skus.add(line.sku())) {
                    errors.add(new Problem.FieldError(at + ".sku", "appears twice; use one line per SKU"));
                }
                if (line.quantity() == null || line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                    errors.add(new Problem.FieldError(at + ".quantity", "must be 1.." + MAX_QUANTITY));
                }
                if (line.unitPriceMinor() == null || line.unitPriceMinor() < 1
                        || line.unitPriceMinor() > MAX_UNIT_PRICE_MINOR) {
                    errors.add(new Problem.FieldError(at + ".unitPriceMinor", "must be 1.." + MAX_UNIT_PRICE_MINOR));
                }
                if (line.dropId() != null) {
                    id(at + ".dropId", line.dropId(), errors);
                }
            }
        }
        String token = request.paymentToken();
        if (token == null || token.isBlank() || token.length() > 200) {
            errors.add(new Problem.FieldError("paymentToken", "is required, at most 200 characters"));
        }
        CheckoutRequest.Fulfillment fulfillment = request.fulfillment();
        if (fulfillment == null || fulfillment.method() == null || !METHODS.contains(fulfillment.method())) {
            errors.add(new Problem.FieldError("fulfillment.method", "must be one of " + METHODS));
        } else if (!"PICKUP".equals(fulfillment.method())) {
            CheckoutRequest.Address address = fulfillment.address();
            if (address == null) {
                errors.add(new Problem.FieldError("fulfillment.address", "is required for " + fulfillment.method()));
            } else {
                text("fulfillment.address.line1", address.line1(), errors);
                text("fulfillment.address.city", address.city(), errors);
                text("fulfillment.address.postalCode", address.postalCode(), errors);
                if (address.countryCode() == null || !COUNTRY.matcher(address.countryCode()).matches()) {
                    errors.add(new Problem.FieldError("fulfillment.address.countryCode",
                            "must be an ISO 3166-1 alpha-2 code such as DE"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void id(String field, String value, List<Problem.FieldError> errors) {
        if (value == null || !ID.matcher(value).matches()) {
            errors.add(new Problem.FieldError(field, "must match " + ID.pattern()));
        }
    }

    private static void text(String field, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank() || value.length() > 200) {
            errors.add(new Problem.FieldError(field, "is required, at most 200 characters"));
        }
    }
}
