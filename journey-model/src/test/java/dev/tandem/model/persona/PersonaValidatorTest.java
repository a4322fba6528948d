package dev.tandem.model.persona;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.FieldError;
import dev.tandem.events.PersonaV1;
import dev.tandem.model.CommitteeRole;
import dev.tandem.model.RoleInference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each problem of a persona is reported at its field; its title patterns feed role inference. */
class PersonaValidatorTest {

    static Persona cfo() {
        return new Persona(CommitteeRole.ECONOMIC_BUYER, "Finance leader", "Signs off the budget.", 2.0,
                List.of("cfo", "finance director|head of finance"), List.of("predictable spend"),
                List.of(new Persona.DecisionCriterion("total cost of ownership", 0.5),
                        new Persona.DecisionCriterion("time to value", 0.3)),
                List.of(new Persona.Objection("procurement", "a second vendor to manage")),
                List.of("waits for the business case"), List.of("a ROI model with their own numbers"),
                List.of("meeting", "email"));
    }

    @Test
    void aCompletePersonaIsValid() {
        assertThat(PersonaValidator.validate(cfo())).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtItsField() {
        Persona broken = new Persona(null, " ", null, 7.5, List.of("cfo(", ""), List.of(),
                List.of(new Persona.DecisionCriterion("cost", 0.8), new Persona.DecisionCriterion("Cost", 0.4)),
                java.util.Arrays.asList(new Persona.Objection(null, null), null), List.of(), List.of(),
                List.of("E-mail"));

        assertThat(PersonaValidator.validate(broken)).extracting(FieldError::field).containsExactly(
                "/role", "/name", "/weight", "/titlePatterns/0", "/titlePatterns/1", "/decisionCriteria/1/criterion",
                "/decisionCriteria", "/objections/0/concern", "/objections/1", "/preferredChannels/0");
    }

    @Test
    void aBrokenRegularExpressionSaysWhere() {
        Persona persona = new Persona(CommitteeRole.CHAMPION, "Champion", null, null, List.of("head of [ops"),
                null, null, null, null, null, null);

        assertThat(PersonaValidator.validate(persona)).singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("is not a regular expression: Unclosed character"));
    }

    @Test
    void aPersonasPatternsComeBeforeTheStandardOnesAndReplaceItsRoles() {
        RoleInference standard = RoleInference.defaults();
        RoleInference tenant = standard.withPersonaPatterns(Map.of(CommitteeRole.CHAMPION, "data lead|head of ops"));

        // the standard "data" makes a technical evaluator; the tenant's champion persona claims data leads first
        assertThat(standard.infer("Data Lead")).isEqualTo(CommitteeRole.TECHNICAL_EVALUATOR);
        assertThat(tenant.infer("Data Lead")).isEqualTo(CommitteeRole.CHAMPION);
        // the champion's standard "director|head" no longer applies; other roles keep theirs
        assertThat(standard.infer("Director of Sales")).isEqualTo(CommitteeRole.CHAMPION);
        assertThat(tenant.infer("Director of Sales")).isEqualTo(CommitteeRole.INFLUENCER);
        assertThat(tenant.infer("Data Engineer")).isEqualTo(CommitteeRole.TECHNICAL_EVALUATOR);
        assertThat(tenant.infer("CFO")).isEqualTo(CommitteeRole.ECONOMIC_BUYER);
    }

    @Test
    void titlePatternsBecomeOneAlternationThatRoleInferenceUses() {
        String regex = PersonaV1.of("t1", cfo(), 1).titleRegex();
        RoleInference inference = RoleInference.defaults().withPatterns(Map.of(CommitteeRole.ECONOMIC_BUYER, regex));

        assertThat(inference.infer("Head of Finance")).isEqualTo(CommitteeRole.ECONOMIC_BUYER);
        assertThat(regex).isEqualTo("(?:cfo)|(?:finance director|head of finance)");
        assertThat(PersonaV1.of("t1", new Persona(CommitteeRole.CHAMPION, "c", null, null, List.of(" "), null, null,
                null, null, null, null), 1).titleRegex()).isNull();
    }
}
