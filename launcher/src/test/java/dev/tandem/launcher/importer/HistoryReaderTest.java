package dev.tandem.launcher.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryReaderTest {

    @TempDir
    Path dir;

    @Test
    void ndjsonRecordsComeWithTheirLinesAndOffsetsAndAResumeStartsAtAnOffset() throws Exception {
        Path file = dir.resolve("history.ndjson");
        Files.writeString(file, "{\"eventId\":\"a\"}\n\n{\"eventId\":\"b\"}\r\nnot json\n[1]\n{\"eventId\":\"é\"}");
        List<HistoryReader.Line> lines = readAll(file, 0, 0);
        assertThat(lines).extracting(HistoryReader.Line::number).containsExactly(1L, 3L, 4L, 5L, 6L);
        assertThat(lines.get(0).value().path("eventId").asText()).isEqualTo("a");
        assertThat(lines.get(1).value().path("eventId").asText()).isEqualTo("b");
        assertThat(lines.get(2).unreadable()).startsWith("unreadable");
        assertThat(lines.get(3).unreadable()).isEqualTo("not a JSON object");
        assertThat(lines.get(4).value().path("eventId").asText()).isEqualTo("é");
        assertThat(lines.get(4).endOffset()).isEqualTo(Files.size(file));

        List<HistoryReader.Line> resumed = readAll(file, lines.get(1).endOffset(), 3);
        assertThat(resumed).extracting(HistoryReader.Line::number).containsExactly(4L, 5L, 6L);
    }

    @Test
    void csvHeadersMakeNestedFieldsEmptyCellsAreLeftOutAndAResumeKeepsTheHeader() throws Exception {
        Path file = dir.resolve("history.csv");
        Files.writeString(file, "eventId,accountKey,type,contact.email,properties.campaign\n"
                + "e1,acme,webinar.attended,ann@acme.example,\"Spring, 2026\"\n"
                + "e2,acme,email.clicked,,\n");
        List<HistoryReader.Line> lines = readAll(file, 0, 0);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).number()).isEqualTo(2);
        assertThat(lines.get(0).value().path("contact").path("email").asText()).isEqualTo("ann@acme.example");
        assertThat(lines.get(0).value().path("properties").path("campaign").asText()).isEqualTo("Spring, 2026");
        assertThat(lines.get(1).value().has("contact")).isFalse();

        List<HistoryReader.Line> resumed = readAll(file, lines.get(0).endOffset(), 2);
        assertThat(resumed).singleElement().satisfies(line -> {
            assertThat(line.number()).isEqualTo(3);
            assertThat(line.value().path("eventId").asText()).isEqualTo("e2");
        });
    }

    @Test
    void aLineThatIsNotUtf8IsUnreadableAndTheNextOneIsRead() throws Exception {
        Path file = dir.resolve("bad.ndjson");
        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        Files.write(file, concat(bad, "{\"eventId\":\"ok\"}\n".getBytes(StandardCharsets.UTF_8)));
        List<HistoryReader.Line> lines = readAll(file, 0, 0);
        assertThat(lines.get(0).unreadable()).isEqualTo("not UTF-8");
        assertThat(lines.get(1).value().path("eventId").asText()).isEqualTo("ok");
    }

    private static List<HistoryReader.Line> readAll(Path file, long offset, long line) throws Exception {
        List<HistoryReader.Line> lines = new ArrayList<>();
        try (HistoryReader reader = HistoryReader.open(file, offset, line)) {
            for (var next = reader.next(); next.isPresent(); next = reader.next()) {
                lines.add(next.get());
            }
        }
        return lines;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
