package dev.tandem.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RoleInferenceTest {

    private final RoleInference roles = RoleInference.defaults();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "CFO, ECONOMIC_BUYER",
        "Chief Financial Officer, ECONOMIC_BUYER",
        "VP Sales, ECONOMIC_BUYER",
        "Director of Operations, CHAMPION",
        "Head of Revenue Operations, CHAMPION",
        "Enterprise Architect, TECHNICAL_EVALUATOR",
        "CTO, TECHNICAL_EVALUATOR",
        "Procurement Manager, PROCUREMENT",
        "General Counsel, LEGAL_SECURITY",
        "CISO, LEGAL_SECURITY",
        "Marketing Manager, END_USER",
        "Sales Operations Analyst, END_USER"
    })
    void infersTheRoleFromTheTitle(String title, CommitteeRole expected) {
        assertThat(roles.infer(title)).isEqualTo(expected);
    }

    @Test
    void matchingIgnoresCase() {
        assertThat(roles.infer("cfo")).isEqualTo(CommitteeRole.ECONOMIC_BUYER);
        assertThat(roles.infer("DIRECTOR OF OPERATIONS")).isEqualTo(CommitteeRole.CHAMPION);
    }

    @Test
    void specificFunctionsWinOverSeniority() {
        // "Director" alone is a champion; legal and procurement come first in the rule order
        assertThat(roles.infer("Director of Legal Affairs")).isEqualTo(CommitteeRole.LEGAL_SECURITY);
        assertThat(roles.infer("Director of Procurement")).isEqualTo(CommitteeRole.PROCUREMENT);
    }

    @Test
    void patternsAreWordBounded() {
        // "it" must not match inside "Digital", nor "cto" inside "Director"
        assertThat(roles.infer("Digital Marketing Manager")).isEqualTo(CommitteeRole.END_USER);
        assertThat(roles.infer("Director")).isEqualTo(CommitteeRole.CHAMPION);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t", "Astronaut", "Student"})
    void blankOrUnknownTitlesAreInfluencers(String title) {
        assertThat(roles.infer(title)).isEqualTo(CommitteeRole.INFLUENCER);
    }

    @Test
    void customRulesReplaceTheDefaults() {
        RoleInference custom = new RoleInference(List.of(RoleInference.Rule.of(CommitteeRole.BLOCKER, "auditor")));
        assertThat(custom.infer("Internal Auditor")).isEqualTo(CommitteeRole.BLOCKER);
        assertThat(custom.infer("CFO")).isEqualTo(CommitteeRole.INFLUENCER);
    }

    @org.junit.jupiter.api.Test
    void configuredPatternsReplaceARolesPatternAndAddRolesTheDefaultsLack() {
        RoleInference configured = RoleInference.defaults().withPatterns(java.util.Map.of(
                CommitteeRole.CHAMPION, "director|program lead",
                CommitteeRole.BLOCKER, "incumbent vendor"));
        org.assertj.core.api.Assertions.assertThat(configured.infer("Program Lead, Logistics"))
                .isEqualTo(CommitteeRole.CHAMPION);
        org.assertj.core.api.Assertions.assertThat(configured.infer("Head of Sales"))
                .as("head no longer makes a champion").isNotEqualTo(CommitteeRole.CHAMPION);
        org.assertj.core.api.Assertions.assertThat(configured.infer("Incumbent vendor liaison"))
                .isEqualTo(CommitteeRole.BLOCKER);
        org.assertj.core.api.Assertions.assertThat(configured.infer("Procurement Director"))
                .as("earlier rules still come first").isEqualTo(CommitteeRole.PROCUREMENT);
    }

    @org.junit.jupiter.api.Test
    void storedTitlesAreReadThroughTheReaderAndAnUnreadableOneInfersNothing() {
        dev.tandem.pii.ContactDataKey key = dev.tandem.pii.ContactDataKey.generate();
        String sealed = dev.tandem.pii.SealedPii.seal(key, dev.tandem.pii.PiiField.TITLE, "CFO");
        RoleInference reading = roles.withTitleReader(stored -> dev.tandem.pii.SealedPii.isSealed(stored)
                ? dev.tandem.pii.SealedPii.open(key, dev.tandem.pii.PiiField.TITLE, stored) : stored);
        assertThat(reading.inferFromStored(sealed)).contains(CommitteeRole.ECONOMIC_BUYER);
        assertThat(reading.inferFromStored("General Counsel")).contains(CommitteeRole.LEGAL_SECURITY);
        assertThat(roles.withTitleReader(stored -> null).inferFromStored(sealed)).isEmpty();
        assertThat(roles.inferFromStored(sealed)).as("no reader: a sealed title is never matched as text").isEmpty();
        assertThat(reading.inferFromStored(" ")).isEmpty();
        assertThat(reading.withPatterns(java.util.Map.of(CommitteeRole.BLOCKER, "cfo")).inferFromStored(sealed))
                .as("replacing patterns keeps the reader").contains(CommitteeRole.ECONOMIC_BUYER);
    }
}
