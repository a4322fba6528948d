-- Runs once, when the PostgreSQL volume is first initialised. Each service owns its own database:
-- tandem_state (journey-state, created by POSTGRES_DB) and tandem_designer (interaction-designer-api).
CREATE DATABASE tandem_designer;
