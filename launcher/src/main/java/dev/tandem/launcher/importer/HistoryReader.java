package dev.tandem.launcher.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.tandem.events.EventJson;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a history file one record at a time from a byte offset, so an import can stop anywhere and resume where
 * its last answered batch ended. NDJSON: one JSON object per line. CSV (a {@code .csv} file): a header line, then
 * one record per line; a header like {@code contact.email} or {@code properties.campaign} makes nested fields, empty
 * cells are left out, quoted cells may hold commas and quotes but not line breaks. Blank lines are skipped.
 */
public final class HistoryReader implements Closeable {

    /** A record as read: where it is, and its JSON, or why it could not be read. */
    public record Line(long number, long offset, long endOffset, JsonNode value, String unreadable, String text) {
    }

    private static final int MAX_LINE_BYTES = 8 * 1024 * 1024;
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private final InputStream in;
    private final List<String> header;
    private long offset;
    private long lineNumber;

    private HistoryReader(InputStream in, List<String> header, long offset, long lineNumber) {
        this.in = in;
        this.header = header;
        this.offset = offset;
        this.lineNumber = lineNumber;
    }

    public static boolean isCsv(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /**
     * Opens the file at {@code offset} (0: the beginning), which is {@code lineNumber} lines in; a CSV file's header
     * is read from its first line whatever the offset.
     */
    public static HistoryReader open(Path file, long offset, long lineNumber) throws IOException {
        List<String> header = null;
        long start = offset;
        long lines = lineNumber;
        if (isCsv(file)) {
            try (HistoryReader first = new HistoryReader(new BufferedInputStream(Files.newInputStream(file)), null, 0,
                    0)) {
                String headerLine = first.readLine();
                if (headerLine == null) {
                    throw new IOException(file + " is empty: a CSV history needs a header line");
                }
                header = cells(headerLine);
                if (offset == 0) {
                    start = first.offset;
                    lines = 1;
                }
            }
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.skipNBytes(start);
        return new HistoryReader(in, header, start, lines);
    }

    /** The next record, or empty at the end of the file. */
    public Optional<Line> next() throws IOException {
        while (true) {
            long start = offset;
            String text;
            try {
                text = readLine();
            } catch (CharacterCodingException e) {
                lineNumber++;
                return Optional.of(new Line(lineNumber, start, offset, null, "not UTF-8", ""));
            }
            if (text == null) {
                return Optional.empty();
            }
            lineNumber++;
            if (text.isBlank()) {
                continue;
            }
            try {
                JsonNode value = header == null ? EventJson.mapper().readTree(text) : csvRecord(text);
                if (!value.isObject()) {
                    return Optional.of(new Line(lineNumber, start, offset, null, "not a JSON object", text));
                }
                return Optional.of(new Line(lineNumber, start, offset, value, null, text));
            } catch (IOException e) {
                String problem = e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst().orElse("");
                return Optional.of(new Line(lineNumber, start, offset, null, "unreadable: " + problem, text));
            }
        }
    }

    private JsonNode csvRecord(String text) throws IOException {
        List<String> cells = cells(text);
        if (cells.size() > header.size()) {
            throw new IOException("has " + cells.size() + " cells, the header " + header.size());
        }
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell == null || cell.isEmpty()) {
                continue;
            }
            ObjectNode parent = record;
            String[] path = header.get(i).split("\\.");
            for (int p = 0; p < path.length - 1; p++) {
                parent = parent.has(path[p]) && parent.get(path[p]).isObject() ? (ObjectNode) parent.get(path[p])
                        : parent.putObject(path[p]);
            }
            parent.put(path[path.length - 1], cell);
        }
        return record;
    }

    private static List<String> cells(String line) throws IOException {
        try (var iterator = CSV.readerForListOf(String.class).<List<String>>readValues(line)) {
            return iterator.hasNext() ? iterator.next() : List.of();
        }
    }

    /** A line without its terminator ({@code \n} or {@code \r\n}), strictly UTF-8; null at the end. */
    private String readLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
            any = true;
            offset++;
            if (b == '\n') {
                break;
            }
            if (bytes.size() >= MAX_LINE_BYTES) {
                continue; // an absurd line: kept at its first 8 MiB, which ingest refuses as too large anyway
            }
            bytes.write(b);
        }
        if (!any) {
            return null;
        }
        byte[] line = bytes.toByteArray();
        int length = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(line, 0, length)).toString();
    }

    /** Bytes read so far from the start of the file. */
    public long offset() {
        return offset;
    }

    public long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
