package dev.tandem.designer.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.designer.service.ContactChange;
import dev.tandem.events.AccountSnapshotV1;
import dev.tandem.events.ContactProfileV1;
import dev.tandem.events.EventJson;
import dev.tandem.events.MalformedEventException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncomingRecordsTest {

    private static String snapshotJson(String tenant, String account, long version, int momentum) {
        return EventJson.write(new AccountSnapshotV1(tenant, account, version, momentum, 0, Map.of(), null,
                List.of(), null, null));
    }

    @Test
    void readsAWellFormedSnapshotWhoseKeyMatches() {
        AccountSnapshotV1 snapshot = IncomingRecords.snapshot("t1/acme", snapshotJson("t1", "acme", 4, 50));
        assertThat(snapshot.accountVersion()).isEqualTo(4);
        assertThat(snapshot.momentum()).isEqualTo(50);
    }

    @Test
    void refusesNonJsonMissingValueMismatchedKeyAndImpossibleValues() {
        assertThatThrownBy(() -> IncomingRecords.snapshot("t1/acme", "not json"))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> IncomingRecords.snapshot("t1/acme", null))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> IncomingRecords.snapshot("t2/acme", snapshotJson("t1", "acme", 4, 50)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("key");
        assertThatThrownBy(() -> IncomingRecords.snapshot("t1/acme", snapshotJson("t1", "acme", 0, 50)))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> IncomingRecords.snapshot("t1/acme", snapshotJson("t1", "acme", 1, 101)))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> IncomingRecords.snapshot("t1/acme", "{\"tenantId\":\"t1\",\"accountKey\":\"acme\"}"))
                .as("a snapshot without its maps cannot be built").isInstanceOf(MalformedEventException.class);
    }

    @Test
    void aTombstoneErasesTheContactItsKeyNames() {
        ContactChange change = IncomingRecords.contact("t1/c_abc", null, 7);
        assertThat(change).isEqualTo(new ContactChange.Erase("t1", "c_abc", 7));
        assertThatThrownBy(() -> IncomingRecords.contact("no-slash", null, 1))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> IncomingRecords.contact("t1/", null, 1)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void aProfileIsStoredOnlyUnderItsOwnKey() {
        String json = EventJson.write(new ContactProfileV1("t1", "c_abc", "a@b.c", "Ann", "CTO",
                Instant.parse("2026-11-20T09:00:00Z")));
        assertThat(IncomingRecords.contact("t1/c_abc", json, 8)).isInstanceOf(ContactChange.Upsert.class);
        assertThatThrownBy(() -> IncomingRecords.contact("t2/c_abc", json, 1))
                .isInstanceOf(MalformedEventException.class);
    }
}
