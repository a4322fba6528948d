-- Runs once, when the PostgreSQL volume is first initialised. interaction-designer-api owns tandem_designer
-- (created by POSTGRES_DB); journey-state keeps its state in Kafka Streams stores, not in PostgreSQL.
SELECT 1;
