package dev.tandem.state.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The wall clock. Only the stall punctuator reads it: the aggregate applies touchpoints in
 * event time, so a replay gives the same events. Tests replace it to move time.
 */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
