package dev.tandem.kpi.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tenant's maintained totals, as read for one request: every counter by its parsed name. The KPI reports select
 * and group rows of one family; nothing here touches an account.
 */
public final class KpiTotals {

    /** One counter: its family's dimensions (the name's parts after the family) and its value. */
    public record Row(List<String> parts, long value) {

        public String part(int index) {
            return parts.get(index);
        }
    }

    private final Map<String, List<Row>> byFamily;

    private KpiTotals(Map<String, List<Row>> byFamily) {
        this.byFamily = byFamily;
    }

    public static KpiTotals of(Map<String, Long> counters) {
        Map<String, List<Row>> byFamily = new java.util.HashMap<>();
        counters.forEach((key, value) -> {
            if (value == 0) {
                return;
            }
            List<String> parts = KpiKeys.parts(key);
            byFamily.computeIfAbsent(parts.get(0), family -> new ArrayList<>())
                    .add(new Row(List.copyOf(parts.subList(1, parts.size())), value));
        });
        return new KpiTotals(byFamily);
    }

    public List<Row> rows(String family) {
        return byFamily.getOrDefault(family, List.of());
    }

    /** The value of a counter without dimensions beyond {@code parts}, 0 when never counted. */
    public long value(String family, String... parts) {
        List<String> wanted = List.of(parts);
        return rows(family).stream().filter(row -> row.parts().equals(wanted)).mapToLong(Row::value).sum();
    }
}
