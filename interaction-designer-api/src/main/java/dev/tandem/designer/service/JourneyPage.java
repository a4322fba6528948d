package dev.tandem.designer.service;

import java.util.List;

/** A page of a tenant's journeys in id order; {@code nextCursor} asks for the next page, null on the last. */
public record JourneyPage(List<JourneySummary> journeys, String nextCursor, int limit) {
}
