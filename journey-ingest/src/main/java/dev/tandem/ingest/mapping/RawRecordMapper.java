package dev.tandem.ingest.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.events.FieldError;
import dev.tandem.events.RawTouchpointRecords;
import dev.tandem.events.SourceSystems;
import dev.tandem.events.TenantIds;
import dev.tandem.support.rest.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A record of {@code tandem.touchpoints.raw.v1} (contract: {@link RawTouchpointRecords}) to an item, through the
 * same mapping as HTTP input ({@link TouchpointRequests}): tenant and system from the {@code tandem-tenant} and
 * {@code tandem-system} headers; the value a native touchpoint, a structured CloudEvent ({@code tandem-format:
 * cloudevents}, or a {@code specversion} member) or, with a {@code ce_specversion} header, a binary-mode CloudEvent's
 * data whose attributes are the {@code ce_*} headers (Kafka binding). What is wrong before an item exists is a
 * {@link Refusal} naming the header or the value's pointer.
 */
public final class RawRecordMapper {

    /** The system of a record without a {@code tandem-system} header. */
    public static final String DEFAULT_SYSTEM = "default";
    /** Kafka binding's attribute header prefix. */
    static final String KAFKA_CE_PREFIX = "ce_";

    /** Why a record is refused: a reason's wire name, the field (a header name or a JSON Pointer), in words. */
    public record Refusal(String reason, String field, String message) {
    }

    /** A record read: its tenant, system and format, and its item or its refusal. */
    public record Read(String tenantId, String system, IngestFormat format, MappedItem item, Refusal refusal) {
    }

    private final TouchpointRequests requests;
    private final ObjectMapper json;
    private final int maxEventBytes;

    public RawRecordMapper(TouchpointRequests requests, ObjectMapper json, int maxEventBytes) {
        this.requests = requests;
        this.json = json;
        this.maxEventBytes = maxEventBytes;
    }

    /** @param headers the record's headers by name (the last value of each), values as UTF-8 text */
    public Read read(Map<String, String> headers, byte[] value) {
        Map<String, String> ceHeaders = new HashMap<>();
        headers.forEach((name, text) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(KAFKA_CE_PREFIX)) {
                ceHeaders.put(CloudEventMapper.HEADER_PREFIX + lower.substring(KAFKA_CE_PREFIX.length()), text);
            }
        });
        String declared = headers.get(RawTouchpointRecords.FORMAT);
        IngestFormat format = !ceHeaders.isEmpty() || "cloudevents".equals(declared) ? IngestFormat.CLOUDEVENTS
                : IngestFormat.NATIVE;
        String tenantId = headers.get(RawTouchpointRecords.TENANT);
        String system = headers.getOrDefault(RawTouchpointRecords.SYSTEM, DEFAULT_SYSTEM);
        if (tenantId == null || !TenantIds.isValid(tenantId)) {
            return refused(tenantId, system, format, "no-tenant", RawTouchpointRecords.TENANT,
                    tenantId == null ? "is required: the tenant the record belongs to" : "is not a tenant id");
        }
        if (!SourceSystems.isValid(system)) {
            return refused(tenantId, system, format, "no-tenant", RawTouchpointRecords.SYSTEM,
                    "is not a system name (lower-case letters, digits and '-', at most 40)");
        }
        if (declared != null && !declared.equals("native") && !declared.equals("cloudevents")) {
            return refused(tenantId, system, format, "schema", RawTouchpointRecords.FORMAT,
                    "must be native or cloudevents");
        }
        if (value == null || value.length == 0) {
            return refused(tenantId, system, format, "malformed", "", "is empty: a record holds one touchpoint");
        }
        if (value.length > maxEventBytes) {
            return refused(tenantId, system, format, "too-large", "", "is " + value.length
                    + " bytes; at most " + maxEventBytes);
        }
        JsonNode tree;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
            tree = json.readTree(text);
        } catch (CharacterCodingException e) {
            return refused(tenantId, system, format, "malformed", "", "is not UTF-8");
        } catch (JsonProcessingException e) {
            return refused(tenantId, system, format, "malformed", "", "is not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            return refused(tenantId, system, format, "malformed", "", "is not JSON");
        }
        if (!tree.isObject()) {
            return refused(tenantId, system, format, "schema", "", "must be one touchpoint or CloudEvent (an object)");
        }
        boolean structured = ceHeaders.isEmpty() && ("cloudevents".equals(declared)
                || declared == null && tree.has("specversion"));
        IngestFormat actual = structured || !ceHeaders.isEmpty() ? IngestFormat.CLOUDEVENTS : IngestFormat.NATIVE;
        try {
            ParsedRequest parsed = requests.parse(structured ? TouchpointRequests.CLOUDEVENTS : "application/json",
                    ceHeaders, tree);
            return new Read(tenantId, system, actual, parsed.items().get(0), null);
        } catch (InvalidInputException e) {
            FieldError first = e.errors().isEmpty() ? new FieldError("", e.getMessage()) : e.errors().get(0);
            return refused(tenantId, system, actual, "schema", first.field(), first.message());
        }
    }

    /** A field as the rejected record names it: a binary-mode attribute by its Kafka header ({@code ce_id}). */
    public static String recordField(String field) {
        return field.startsWith(CloudEventMapper.HEADER_PREFIX)
                ? KAFKA_CE_PREFIX + field.substring(CloudEventMapper.HEADER_PREFIX.length()) : field;
    }

    private static Read refused(String tenantId, String system, IngestFormat format, String reason, String field,
            String message) {
        return new Read(tenantId, system, format, null, new Refusal(reason, field, message));
    }
}
