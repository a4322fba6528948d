package dev.tandem.model.kpi;

/** The bands KPIs group accounts in, so that outcomes can be compared by committee coverage and momentum. */
public final class Bands {

    private Bands() {
    }

    /**
     * Coverage of the required personas: {@code none} (0), {@code partial} (below 100 %), {@code full}; {@code n/a}
     * when the stage requires none.
     */
    public static String coverage(int engagedRequired, int required) {
        if (required == 0) {
            return "n/a";
        }
        if (engagedRequired <= 0) {
            return "none";
        }
        return engagedRequired >= required ? "full" : "partial";
    }

    /** Momentum 0–100 in bands: {@code low} (below 34), {@code medium} (34–66), {@code high} (67 and up). */
    public static String momentum(int momentum) {
        return momentum < 34 ? "low" : momentum < 67 ? "medium" : "high";
    }
}
