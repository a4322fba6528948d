package dev.tandem.designer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.events.FieldError;
import dev.tandem.support.rest.InvalidInputException;
import org.junit.jupiter.api.Test;

class AccountListQueryTest {

    @Test
    void noParametersListEveryAccountUpToTheDefaultLimit() {
        assertThat(AccountListQuery.parse(null, null, null)).isEqualTo(new AccountListQuery(null, null, 50));
    }

    @Test
    void readsStageStalledAndLimit() {
        assertThat(AccountListQuery.parse("supplier_selection", "true", "200"))
                .isEqualTo(new AccountListQuery("supplier_selection", true, 200));
        assertThat(AccountListQuery.parse(null, "false", "1")).isEqualTo(new AccountListQuery(null, false, 1));
    }

    @Test
    void eachInvalidParameterIsNamed() {
        assertThatThrownBy(() -> AccountListQuery.parse(null, null, "201"))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).errors().get(0).field()).isEqualTo("limit");
        for (String limit : new String[] {"0", "-3", "ten", "", "1.5"}) {
            assertThatThrownBy(() -> AccountListQuery.parse(null, null, limit)).as(limit)
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> AccountListQuery.parse(null, "yes", null))
                .extracting(e -> ((InvalidInputException) e).errors().get(0).field()).isEqualTo("stalled");
        assertThatThrownBy(() -> AccountListQuery.parse("Not A Key", null, null))
                .extracting(e -> ((InvalidInputException) e).errors().get(0).field()).isEqualTo("stage");
    }

    @Test
    void everyOffendingParameterIsReportedAtOnce() {
        assertThatThrownBy(() -> AccountListQuery.parse("", "1", "999"))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).errors().stream().map(FieldError::field).toList())
                .isEqualTo(java.util.List.of("stage", "stalled", "limit"));
    }
}
