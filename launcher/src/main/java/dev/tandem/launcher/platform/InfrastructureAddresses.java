package dev.tandem.launcher.platform;

import java.util.Map;

/**
 * Where the local infrastructure listens, for the user and for tests.
 *
 * @param kafkaBootstrapServers Kafka's bootstrap address
 * @param postgresJdbcUrls      JDBC URL per database (user {@code postgres}, no password)
 * @param mongoConnectionString the MongoDB wire server
 */
public record InfrastructureAddresses(
        String kafkaBootstrapServers,
        Map<String, String> postgresJdbcUrls,
        String mongoConnectionString) {

    public InfrastructureAddresses {
        postgresJdbcUrls = Map.copyOf(postgresJdbcUrls);
    }
}
