package dev.tandem.model.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The expressions docs/journeys.md shows designers compile, and the pitfalls it warns about are refused. */
class EntryCriteriaTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "momentum >= 30", "touchpoints >= 5", "'trial.started' in types", "typeCounts['meeting.held'] >= 2",
        "members >= 4", "engagedMembers >= 3", "'economic_buyer' in engagedRoles", "size(engagedRoles) >= 3",
        "roles['technical_evaluator'] > 2.0", "daysSinceMeaningfulTouch < 30.0", "buyerInitiated > sellerInitiated",
        "sellerInitiated <= 3 * buyerInitiated", "sources['sales'] >= 1 && sources['marketing'] >= 1",
        "'acme.workshop' in typeCounts && typeCounts['acme.workshop'] >= 2",
        "engagedRoles.all(r, r != 'blocker')", "types.exists(t, t.startsWith('webinar.'))"
    })
    void theDocumentedExamplesCompile(String expression) {
        assertThat(EntryCriteria.problemsWith(expression)).isEmpty();
    }

    @Test
    void anIntIsNotComparedWithADoubleWithoutADecimalPoint() {
        assertThat(EntryCriteria.problemsWith("roles['technical_evaluator'] > 2")).singleElement().asString()
                .contains("no matching overload");
    }

    @Test
    void overlongCriteriaAreRefused() {
        String longExpression = String.join(" && ", Collections.nCopies(300, "momentum >= 1"));

        assertThat(EntryCriteria.problemsWith(longExpression)).containsExactly("must be at most 2000 characters");
    }

    @Test
    void everyDeclaredVariableIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "journeys.md"));

        assertThat(List.copyOf(EntryCriteria.variables())).allSatisfy(v -> assertThat(doc).contains("| `" + v + "` |"));
    }
}
