package dev.tandem.state.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.model.CommitteeRole;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JourneyContextsTest {

    @Test
    void configuredRolePatternsAreReadByWireName() {
        assertThat(JourneyContexts.rolePatterns(Map.of("champion", "program lead", "legal_security", "dpo")))
                .containsEntry(CommitteeRole.CHAMPION, "program lead")
                .containsEntry(CommitteeRole.LEGAL_SECURITY, "dpo")
                .hasSize(2);
    }

    @Test
    void anUnknownRoleNameIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> JourneyContexts.rolePatterns(Map.of("champ", "lead")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tandem.state.role-patterns.champ");
    }
}
