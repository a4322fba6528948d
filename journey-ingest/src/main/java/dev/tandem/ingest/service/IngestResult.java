package dev.tandem.ingest.service;

import java.util.List;

/** What an accepted request put on the touchpoint log. */
public record IngestResult(int accepted, List<String> eventIds) {
}
