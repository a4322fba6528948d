-- Runs once, when the PostgreSQL volume is first initialised. interaction-designer-api owns tandem_designer
-- (created by POSTGRES_DB); journey-ingest owns tandem_ingest (API keys of sending systems). journey-state keeps
-- its state in Kafka Streams stores, not in PostgreSQL. Each service migrates its own schema (Flyway) at start-up.
CREATE DATABASE tandem_ingest;
