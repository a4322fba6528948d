package dev.tandem.ingest.mapping;

import java.util.List;

/**
 * A request body as items: {@code array} when the caller sent an array (a native array or a CloudEvents batch), so
 * each item is answered on its own; a request of one is answered as a whole.
 */
public record ParsedRequest(IngestFormat format, boolean array, List<MappedItem> items) {

    public ParsedRequest {
        items = List.copyOf(items);
    }
}
