package dev.tandem.kpi.service;

import java.time.YearMonth;

/**
 * What a KPI request narrows to; every field is optional (null: all).
 *
 * @param from first month counted, inclusive
 * @param to last month counted, inclusive
 * @param journey a journey id
 * @param stage a stage key (for contribution: the conversion, a stage key or {@code won})
 * @param source a touchpoint source ({@code marketing}, {@code sales}, …)
 * @param outcome a close ({@code won}, {@code lost}, {@code no_decision}; for reasons also {@code open})
 */
public record KpiFilter(YearMonth from, YearMonth to, String journey, String stage, String source, String outcome) {

    public static final KpiFilter ALL = new KpiFilter(null, null, null, null, null, null);

    boolean month(String month) {
        YearMonth value;
        try {
            value = YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException notAMonth) {
            return false;
        }
        return (from == null || !value.isBefore(from)) && (to == null || !value.isAfter(to));
    }

    boolean journey(String value) {
        return journey == null || journey.equals(value);
    }

    boolean stage(String value) {
        return stage == null || stage.equals(value);
    }

    boolean outcome(String value) {
        return outcome == null || outcome.equals(value);
    }

    boolean source(String value) {
        return source == null || source.equals(value);
    }
}
