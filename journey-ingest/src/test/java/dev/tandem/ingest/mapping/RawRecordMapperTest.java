package dev.tandem.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RawRecordMapperTest {

    private final RawRecordMapper mapper = new RawRecordMapper(new TouchpointRequests(new CloudEventMapper(Map.of())),
            new ObjectMapper(), 1000);

    private static Map<String, String> headers(String... pairs) {
        Map<String, String> headers = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.put(pairs[i], pairs[i + 1]);
        }
        return headers;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void tenantAndSystemComeFromHeadersAndTheFormatFromTheValueOrTheCeHeaders() {
        var nativeRead = mapper.read(headers("tandem-tenant", "dev"), utf8("{\"eventId\":\"e1\"}"));
        assertThat(nativeRead.refusal()).isNull();
        assertThat(nativeRead.system()).isEqualTo("default");
        assertThat(nativeRead.format()).isEqualTo(IngestFormat.NATIVE);
        assertThat(nativeRead.item().touchpoint().get("eventId").asText()).isEqualTo("e1");

        var structured = mapper.read(headers("tandem-tenant", "dev", "tandem-system", "crm"),
                utf8("{\"specversion\":\"1.0\",\"id\":\"e2\",\"source\":\"s\",\"type\":\"meeting.held\",\"data\":{}}"));
        assertThat(structured.format()).isEqualTo(IngestFormat.CLOUDEVENTS);
        assertThat(structured.system()).isEqualTo("crm");
        assertThat(structured.item().touchpoint().get("eventId").asText()).isEqualTo("e2");

        var binary = mapper.read(headers("tandem-tenant", "dev", "ce_specversion", "1.0", "ce_id", "e3",
                "ce_source", "s"), utf8("{\"source\":\"sales\"}"));
        assertThat(binary.format()).isEqualTo(IngestFormat.CLOUDEVENTS);
        // ce_type missing: named by its Kafka header
        assertThat(binary.item().errors()).extracting("field").containsExactly("ce-type");
        assertThat(RawRecordMapper.recordField("ce-type")).isEqualTo("ce_type");
    }

    @Test
    void whatIsWrongBeforeAnItemExistsIsRefusedNamingTheHeaderOrTheValue() {
        assertThat(mapper.read(headers(), utf8("{}")).refusal())
                .extracting("reason", "field").containsExactly("no-tenant", "tandem-tenant");
        assertThat(mapper.read(headers("tandem-tenant", "dev", "tandem-system", "Bad System"), utf8("{}")).refusal())
                .extracting("reason", "field").containsExactly("no-tenant", "tandem-system");
        assertThat(mapper.read(headers("tandem-tenant", "dev", "tandem-format", "xml"), utf8("{}")).refusal())
                .extracting("reason", "field").containsExactly("schema", "tandem-format");
        assertThat(mapper.read(headers("tandem-tenant", "dev"), new byte[] {'{', (byte) 0xFF, '}'}).refusal())
                .extracting("reason", "field").containsExactly("malformed", "");
        assertThat(mapper.read(headers("tandem-tenant", "dev"), utf8("{\"a\":")).refusal().reason())
                .isEqualTo("malformed");
        assertThat(mapper.read(headers("tandem-tenant", "dev"), null).refusal().reason()).isEqualTo("malformed");
        assertThat(mapper.read(headers("tandem-tenant", "dev"), utf8("[{}]")).refusal().reason()).isEqualTo("schema");
        assertThat(mapper.read(headers("tandem-tenant", "dev"), new byte[1001]).refusal().reason())
                .isEqualTo("too-large");
    }
}
