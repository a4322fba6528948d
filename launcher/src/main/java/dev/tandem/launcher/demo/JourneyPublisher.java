package dev.tandem.launcher.demo;

import dev.tandem.events.EventJson;
import dev.tandem.events.EventKeys;
import dev.tandem.events.FieldError;
import dev.tandem.events.MalformedEventException;
import dev.tandem.events.Topics;
import dev.tandem.model.journey.JourneyDefinition;
import dev.tandem.model.journey.JourneyDefinitionValidator;
import dev.tandem.model.journey.JourneyStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a journey definition on {@code tandem.journey-definitions.v1} (compacted, key
 * {@code tenantId/journeyId}), after the checks journey-state would make: a definition it would refuse is
 * refused here, naming the fields, and nothing is sent.
 */
public final class JourneyPublisher {

    private JourneyPublisher() {
    }

    /** What is wrong with the definition (empty: publishable), by JSON Pointer; CEL criteria are compiled. */
    public static List<FieldError> check(String json) {
        JourneyDefinition definition;
        try {
            definition = EventJson.read(json, JourneyDefinition.class);
        } catch (MalformedEventException e) {
            return List.of(new FieldError("", e.getMessage()));
        }
        List<FieldError> errors = new ArrayList<>(JourneyDefinitionValidator.validate(definition));
        if (definition.status() != JourneyStatus.PUBLISHED) {
            errors.add(new FieldError("/status", "must be published to be used; drafts stay with the designer"));
        }
        return errors;
    }

    /** Sends a checked definition and waits for the broker's acknowledgement. */
    public static void publish(String bootstrapServers, String json) throws InterruptedException {
        JourneyDefinition definition = EventJson.read(json, JourneyDefinition.class);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.JOURNEY_DEFINITIONS,
                    EventKeys.account(definition.tenantId(), definition.journeyId()), EventJson.write(definition)))
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker at " + bootstrapServers + " did not acknowledge", e);
        }
    }
}
