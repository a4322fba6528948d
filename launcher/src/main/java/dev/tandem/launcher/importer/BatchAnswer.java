package dev.tandem.launcher.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * What journey-ingest answered for each item of a batch: {@code accepted}, {@code duplicate}, or {@code rejected}
 * with a reason and the errors (field as JSON Pointer into the request body, message).
 */
public record BatchAnswer(List<Item> items) {

    public record Item(String status, String reason, JsonNode errors) {
        public boolean rejected() {
            return "rejected".equals(status);
        }
    }

    public long count(String status) {
        return items.stream().filter(item -> status.equals(item.status())).count();
    }

    /** A 202 (or Segment's 200) answer: its {@code items}, by index. */
    static BatchAnswer ofItems(JsonNode answer, int size) {
        List<Item> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            items.add(new Item("rejected", "unanswered", JsonNodeFactory.instance.arrayNode()));
        }
        for (JsonNode item : answer.path("items")) {
            int index = item.path("index").asInt(-1);
            if (index >= 0 && index < size) {
                items.set(index, new Item(item.path("status").asText("rejected"),
                        item.path("reason").isTextual() ? item.path("reason").asText() : null, item.path("errors")));
            }
        }
        return new BatchAnswer(items);
    }

    /**
     * A 400 problem (every item rejected): each error is given to the item its pointer names
     * ({@code prefix/3/occurredAt}); an error naming no item goes to every item.
     */
    static BatchAnswer allRejected(JsonNode problem, int size, String prefix, String reason) {
        List<ArrayNode> errors = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            errors.add(JsonNodeFactory.instance.arrayNode());
        }
        for (JsonNode error : problem.path("errors")) {
            int index = indexOf(error.path("field").asText(""), prefix);
            if (index >= 0 && index < size) {
                errors.get(index).add(error);
            } else {
                errors.forEach(list -> list.add(error));
            }
        }
        List<Item> items = new ArrayList<>(size);
        errors.forEach(list -> items.add(new Item("rejected", reason, list)));
        return new BatchAnswer(items);
    }

    /** Every item refused for one reason (a lone record over the size limit, say). */
    static BatchAnswer allRejected(int size, String reason, String message) {
        List<Item> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ArrayNode errors = JsonNodeFactory.instance.arrayNode();
            errors.addObject().put("field", "").put("message", message);
            items.add(new Item("rejected", reason, errors));
        }
        return new BatchAnswer(items);
    }

    private static int indexOf(String pointer, String prefix) {
        if (!pointer.startsWith(prefix + "/")) {
            return -1;
        }
        String rest = pointer.substring(prefix.length() + 1);
        int slash = rest.indexOf('/');
        try {
            return Integer.parseInt(slash < 0 ? rest : rest.substring(0, slash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
