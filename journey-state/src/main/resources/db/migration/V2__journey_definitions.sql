-- The latest published version of each journey, from tandem.journey-definitions.v1 (compacted). A tenant's
-- accounts follow its most recently published journey; with none they follow the default journey.
CREATE TABLE journey_definition (
    tenant_id     TEXT        NOT NULL,
    journey_id    TEXT        NOT NULL,
    version       INTEGER     NOT NULL,
    definition    JSONB       NOT NULL,
    published_at  TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, journey_id)
);
CREATE INDEX journey_definition_latest ON journey_definition (tenant_id, published_at DESC, version DESC);

-- The stall ticker pages through accounts nothing changed for a while.
CREATE INDEX account_state_updated_at ON account_state (updated_at);
