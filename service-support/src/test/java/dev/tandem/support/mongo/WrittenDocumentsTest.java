package dev.tandem.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class WrittenDocumentsTest {

    @Test
    void whatWasWrittenIsFoundByIdUntilForgotten() {
        WrittenDocuments written = new WrittenDocuments(10);
        Document a = new Document("_id", "t/a").append("accountVersion", 3L).append("momentum", 40);
        written.remember(a);
        written.remember(new Document("_id", "t/b").append("accountVersion", 1L));

        assertThat(written.get(List.of("t/a", "t/c"))).containsOnlyKeys("t/a").containsEntry("t/a", a);

        written.forget("t/a");
        assertThat(written.get(List.of("t/a", "t/b"))).containsOnlyKeys("t/b");
    }

    @Test
    void withFieldsOnlyThoseAndTheIdAreKept() {
        WrittenDocuments versions = new WrittenDocuments(10, "accountVersion");
        versions.remember(new Document("_id", "t/a").append("accountVersion", 7L).append("committee", List.of("x")));

        assertThat(versions.get(List.of("t/a")).get("t/a"))
                .isEqualTo(new Document("_id", "t/a").append("accountVersion", 7L));
    }

    @Test
    void itKeepsAtMostItsCapacityAndNoneAtZero() {
        WrittenDocuments few = new WrittenDocuments(2);
        List<String> ids = List.of("t/1", "t/2", "t/3", "t/4", "t/5");
        ids.forEach(id -> few.remember(new Document("_id", id)));
        assertThat(few.get(ids)).hasSizeLessThanOrEqualTo(2);

        WrittenDocuments none = new WrittenDocuments(0);
        none.remember(new Document("_id", "t/1"));
        assertThat(none.get(List.of("t/1"))).isEmpty();
    }
}
