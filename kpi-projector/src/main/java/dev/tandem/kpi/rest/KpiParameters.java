package dev.tandem.kpi.rest;

import dev.tandem.events.FieldError;
import dev.tandem.kpi.service.KpiFilter;
import dev.tandem.kpi.service.KpiReports;
import dev.tandem.model.TouchpointSource;
import dev.tandem.model.kpi.AttributionModel;
import dev.tandem.support.rest.InvalidInputException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the KPI filters of a request; any bad value answers 400 naming the parameter, before anything is read. */
final class KpiParameters {

    private static final String KEY = "^[A-Za-z0-9_.:-]{1,128}$";

    private KpiParameters() {
    }

    static KpiFilter filter(String from, String to, String journey, String stage, String source, String outcome) {
        List<FieldError> errors = new ArrayList<>();
        YearMonth first = month(from, "from", errors);
        YearMonth last = month(to, "to", errors);
        if (first != null && last != null && last.isBefore(first)) {
            errors.add(new FieldError("to", "must not be before from"));
        }
        key(journey, "journey", errors);
        key(stage, "stage", errors);
        if (source != null && TouchpointSource.fromWireName(source).isEmpty()) {
            errors.add(new FieldError("source", "must be one of " + Arrays.stream(TouchpointSource.values())
                    .map(TouchpointSource::wireName).toList()));
        }
        if (outcome != null && !KpiReports.OUTCOMES.contains(outcome) && !"open".equals(outcome)) {
            errors.add(new FieldError("outcome", "must be one of won, lost, no_decision, open"));
        }
        refuseIfAny(errors);
        return new KpiFilter(first, last, journey, stage, source, outcome);
    }

    static AttributionModel model(String model) {
        if (model == null) {
            return AttributionModel.W_SHAPED;
        }
        return AttributionModel.fromWireName(model).orElseThrow(() -> new InvalidInputException(
                "Invalid query parameter", List.of(new FieldError("model", "must be one of " + Arrays
                        .stream(AttributionModel.values()).map(AttributionModel::wireName).toList()))));
    }

    private static YearMonth month(String text, String parameter, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException notAMonth) {
            errors.add(new FieldError(parameter, "must be a month, YYYY-MM"));
            return null;
        }
    }

    private static void key(String value, String parameter, List<FieldError> errors) {
        if (value != null && !value.matches(KEY)) {
            errors.add(new FieldError(parameter, "must be a key of 1 to 128 letters, digits or _ . : -"));
        }
    }

    private static void refuseIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Invalid query parameter", errors);
        }
    }
}
