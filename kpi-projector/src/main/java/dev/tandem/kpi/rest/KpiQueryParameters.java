package dev.tandem.kpi.rest;

import dev.tandem.kpi.service.KpiFilter;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters every KPI report takes; each is optional. */
public class KpiQueryParameters {

    @QueryParam("from")
    @Parameter(description = "First month counted, inclusive (YYYY-MM); the month a KPI counts by is named in "
            + "docs/kpis.md (cohort month, month of the close, of the conversion, …)", example = "2026-01")
    String from;

    @QueryParam("to")
    @Parameter(description = "Last month counted, inclusive (YYYY-MM)", example = "2026-12")
    String to;

    @QueryParam("journey")
    @Parameter(description = "Only this journey's stages", example = "default")
    String journey;

    @QueryParam("stage")
    @Parameter(description = "Only this stage; for contribution the conversion: a stage key or won",
            example = "solution_exploration")
    String stage;

    @QueryParam("source")
    @Parameter(description = "Only credit earned by touchpoints of this source (contribution)",
            example = "marketing")
    String source;

    @QueryParam("outcome")
    @Parameter(description = "Only closes of this outcome (reasons: also open)", example = "lost")
    String outcome;

    KpiFilter filter() {
        return KpiParameters.filter(from, to, journey, stage, source, outcome);
    }
}
