package dev.tandem.launcher.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.events.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Streams a history file of any size to journey-ingest ({@code ./tandem import FILE}): records in file order, in
 * batches of one format (native and CloudEvents to {@code /v1/touchpoints}, Segment calls to {@code /v1/batch}),
 * each under an Idempotency-Key made of the file's fingerprint and the batch's place; each item's answer counted
 * (accepted, duplicate, rejected) and every rejected or unreadable record written with why to
 * {@code FILE.rejected.ndjson}; after each batch the checkpoint ({@link ImportCheckpoint}). Interrupted anywhere,
 * the next run of the same file resumes after the last counted batch; the batch that was in flight is sent again
 * with its key, so ingest answers what it answered the first time and nothing is counted or published twice.
 */
public final class HistoryImport {

    /**
     * @param batchSize records per request (at most ingest's 500)
     * @param maxBatchBytes a batch is sent before its body would pass this (ingest takes 1 MiB)
     * @param restart ignore an earlier run's checkpoint and rejects
     */
    public record Settings(URI ingest, String authorization, int batchSize, int maxBatchBytes, boolean restart,
            Duration patience) {
    }

    /** How far it got, after each batch. */
    public record Status(long offset, long size, long accepted, long duplicates, long rejected,
            long recordsPerSecond) {
    }

    public static Path rejectsFileOf(Path history) {
        return history.resolveSibling(history.getFileName() + ".rejected.ndjson");
    }

    private HistoryImport() {
    }

    /** Imports the file; answers the final checkpoint (its counts cover earlier, interrupted runs too). */
    public static ImportCheckpoint run(Path file, Settings settings, HttpClient http,
            java.util.function.Consumer<Status> progress) throws IOException, InterruptedException {
        String fingerprint = ImportCheckpoint.fingerprintOf(file);
        ImportCheckpoint checkpoint = settings.restart() ? ImportCheckpoint.start(fingerprint)
                : ImportCheckpoint.load(file, fingerprint).orElse(ImportCheckpoint.start(fingerprint));
        Path rejects = rejectsFileOf(file);
        truncate(rejects, checkpoint.rejectsBytes());
        IngestSender sender = new IngestSender(http, settings.ingest(), settings.authorization(), settings.patience());
        long size = Files.size(file);
        long started = System.nanoTime();
        long records = 0;
        try (HistoryReader reader = HistoryReader.open(file, checkpoint.offset(), checkpoint.line())) {
            Optional<HistoryReader.Line> pending = reader.next();
            while (pending.isPresent()) {
                long batchStart = pending.get().offset();
                RecordFormat format = null;
                List<HistoryReader.Line> sent = new ArrayList<>();
                List<HistoryReader.Line> unreadable = new ArrayList<>();
                long bytes = 2;
                long batchEnd = batchStart;
                long batchLine = reader.lineNumber();
                while (pending.isPresent() && sent.size() < settings.batchSize()) {
                    HistoryReader.Line line = pending.get();
                    if (line.value() != null) {
                        RecordFormat lineFormat = RecordFormat.of(line.value());
                        long lineBytes = line.endOffset() - line.offset() + 1;
                        if (format != null && (lineFormat != format || bytes + lineBytes > settings.maxBatchBytes())) {
                            break; // the next batch starts with it
                        }
                        format = lineFormat;
                        bytes += lineBytes;
                        sent.add(line);
                    } else {
                        unreadable.add(line);
                    }
                    batchEnd = line.endOffset();
                    batchLine = line.number();
                    pending = reader.next();
                }
                BatchAnswer answer = sent.isEmpty() ? new BatchAnswer(List.of())
                        : sender.send(format, sent.stream().map(HistoryReader.Line::value).toList(),
                                "import-" + fingerprint + "-" + batchStart + "-" + sent.size());
                long rejectsBytes = appendRejects(rejects, format, sent, answer, unreadable);
                checkpoint = checkpoint.after(batchEnd, batchLine, answer.count("accepted"),
                        answer.count("duplicate"), answer.count("rejected") + unreadable.size(), rejectsBytes);
                checkpoint.save(file);
                records += sent.size() + unreadable.size();
                long elapsed = Math.max(1, System.nanoTime() - started);
                progress.accept(new Status(checkpoint.offset(), size, checkpoint.accepted(), checkpoint.duplicates(),
                        checkpoint.rejected(), records * 1_000_000_000L / elapsed));
            }
        }
        return checkpoint;
    }

    /** Appends the batch's rejected and unreadable records with why; answers the rejects file's size after. */
    private static long appendRejects(Path rejects, RecordFormat format, List<HistoryReader.Line> sent,
            BatchAnswer answer, List<HistoryReader.Line> unreadable) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < sent.size(); i++) {
            BatchAnswer.Item item = answer.items().get(i);
            if (item.rejected()) {
                ObjectNode reject = JsonNodeFactory.instance.objectNode();
                reject.put("line", sent.get(i).number());
                reject.put("reason", item.reason());
                reject.set("errors", withinRecord(item.errors(), format.pointerPrefix() + "/" + i));
                reject.set("record", sent.get(i).value());
                lines.append(EventJson.mapper().writeValueAsString(reject)).append('\n');
            }
        }
        for (HistoryReader.Line line : unreadable) {
            ObjectNode reject = JsonNodeFactory.instance.objectNode();
            reject.put("line", line.number());
            reject.put("reason", "unreadable");
            reject.putArray("errors").addObject().put("field", "").put("message", line.unreadable());
            reject.put("text", line.text().length() > 2000 ? line.text().substring(0, 2000) + "…" : line.text());
            lines.append(EventJson.mapper().writeValueAsString(reject)).append('\n');
        }
        if (lines.isEmpty()) {
            return Files.exists(rejects) ? Files.size(rejects) : 0;
        }
        try (FileChannel channel = FileChannel.open(rejects, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(java.nio.ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8)));
            channel.force(false); // on disk before the checkpoint that counts these rejects
            return channel.size();
        }
    }

    /** The errors with their fields as pointers into the record ({@code /type}), not into the batch's body. */
    private static JsonNode withinRecord(JsonNode errors, String itemPointer) {
        com.fasterxml.jackson.databind.node.ArrayNode within = JsonNodeFactory.instance.arrayNode();
        for (JsonNode error : errors) {
            ObjectNode copy = error.deepCopy();
            String field = error.path("field").asText("");
            if (field.equals(itemPointer) || field.startsWith(itemPointer + "/")) {
                copy.put("field", field.substring(itemPointer.length()));
            }
            within.add(copy);
        }
        return within;
    }

    /** Cuts the rejects file to what the checkpoint counted: what a run wrote after it is written again. */
    private static void truncate(Path rejects, long size) throws IOException {
        if (size == 0) {
            Files.deleteIfExists(rejects);
            return;
        }
        if (Files.exists(rejects)) {
            try (FileChannel channel = FileChannel.open(rejects, StandardOpenOption.WRITE)) {
                channel.truncate(size);
            }
        }
    }
}
