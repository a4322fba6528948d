-- Runs once, when the PostgreSQL volume is first initialised. interaction-designer-api owns tandem_designer
-- (created by POSTGRES_DB); journey-ingest owns tandem_ingest (API keys of sending systems). tandem_vault is the
-- contact key vault (wrapped data keys and erasures), written by journey-ingest and read by journey-state and
-- interaction-designer-api. journey-state keeps its state in Kafka Streams stores. Each schema is migrated by
-- Flyway at start-up.
CREATE DATABASE tandem_ingest;
CREATE DATABASE tandem_vault;
