package dev.tandem.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.events.EventJson;
import dev.tandem.events.FieldError;
import dev.tandem.events.Topics;
import dev.tandem.infra.KafkaTestClient;
import dev.tandem.infra.LocalKafka;
import dev.tandem.launcher.platform.RepositoryRoot;
import dev.tandem.model.journey.JourneyDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class JourneyPublisherTest {

    private static String example() throws Exception {
        return Files.readString(RepositoryRoot.locate().resolve("docs/examples/pilot-journey.json"));
    }

    @Test
    void theDocumentedExampleIsPublishable() throws Exception {
        assertThat(JourneyPublisher.check(example())).isEmpty();
    }

    @Test
    void aTypoInACriterionADraftAndUnreadableJsonAreRefusedNamingTheField() throws Exception {
        String typo = example().replace("'trial.started' in types", "'trial.started' in typez");
        assertThat(JourneyPublisher.check(typo)).extracting(FieldError::field).contains("/stages/1/entryCriteria");
        String draft = example().replace("\"status\": \"published\"", "\"status\": \"draft\"");
        assertThat(JourneyPublisher.check(draft)).extracting(FieldError::field).containsExactly("/status");
        assertThat(JourneyPublisher.check("{\"stages\": ")).extracting(FieldError::field).containsExactly("");
    }

    @Test
    void aPublishedDefinitionIsOnTheCompactedTopicKeyedByTenantAndJourney() throws Exception {
        try (LocalKafka kafka = LocalKafka.start()) {
            kafka.createTopics(Topics.ALL);
            JourneyPublisher.publish(kafka.bootstrapServers(), example());
            try (KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
                List<ConsumerRecord<String, String>> records = client.readToEnd(Topics.JOURNEY_DEFINITIONS);
                assertThat(records).hasSize(1);
                assertThat(records.get(0).key()).isEqualTo("dev/pilot");
                JourneyDefinition published = EventJson.read(records.get(0).value(), JourneyDefinition.class);
                assertThat(published.stages()).hasSize(3);
                assertThat(published.halfLife()).hasDays(10);
            }
        }
    }
}
