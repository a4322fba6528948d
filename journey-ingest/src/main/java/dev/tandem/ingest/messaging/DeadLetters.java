package dev.tandem.ingest.messaging;

import dev.tandem.support.messaging.DeadLetterQueue;
import dev.tandem.support.messaging.TransientRetries;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** This service's dead-letter queue: {@code tandem.dlq.journey-ingest.v1}, through the outgoing channel {@code dead-letters}. */
@Singleton
public class DeadLetters extends DeadLetterQueue {

    public DeadLetters(@Channel("dead-letters") MutinyEmitter<String> emitter, TransientRetries retries) {
        super(emitter, retries);
    }
}
