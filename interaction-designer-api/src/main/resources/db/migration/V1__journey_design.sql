-- Personas and journey maps as designers write them. Every row carries its tenant; every query is scoped to one.
-- Bodies are the JSON the API answers (journey-model's Persona and JourneyDefinition): read and written whole,
-- never queried inside, so TEXT.

-- One persona per committee role and tenant. revision counts saves: the ETag, so a stale write is refused (412).
CREATE TABLE personas (
    id          BIGSERIAL    PRIMARY KEY,
    tenant_id   VARCHAR(128) NOT NULL,
    role        VARCHAR(40)  NOT NULL,
    body        TEXT         NOT NULL,
    revision    INTEGER      NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL,
    updated_by  VARCHAR(200) NOT NULL,
    UNIQUE (tenant_id, role)
);

-- A journey and its versions. A version is a draft (editable, at most one per journey), published (at most one,
-- the one journey-state measures accounts against) or archived (superseded or withdrawn; frozen).
CREATE TABLE journeys (
    id          BIGSERIAL    PRIMARY KEY,
    tenant_id   VARCHAR(128) NOT NULL,
    journey_id  VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    created_by  VARCHAR(200) NOT NULL,
    archived_at TIMESTAMPTZ,
    archived_by VARCHAR(200),
    UNIQUE (tenant_id, journey_id)
);

CREATE TABLE journey_versions (
    id           BIGSERIAL    PRIMARY KEY,
    tenant_id    VARCHAR(128) NOT NULL,
    journey_id   VARCHAR(64)  NOT NULL,
    version      INTEGER      NOT NULL CHECK (version >= 1),
    status       VARCHAR(16)  NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
    definition   TEXT         NOT NULL,
    revision     INTEGER      NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    updated_by   VARCHAR(200) NOT NULL,
    published_at TIMESTAMPTZ,
    published_by VARCHAR(200),
    UNIQUE (tenant_id, journey_id, version),
    FOREIGN KEY (tenant_id, journey_id) REFERENCES journeys (tenant_id, journey_id)
);

-- Two designers racing to open a draft or to publish: the second insert or update fails here, not in a read.
CREATE UNIQUE INDEX journey_versions_one_draft ON journey_versions (tenant_id, journey_id) WHERE status = 'draft';
CREATE UNIQUE INDEX journey_versions_one_published
    ON journey_versions (tenant_id, journey_id) WHERE status = 'published';

-- Records for tandem.journey-definitions.v1 and tandem.personas.v1, written in the transaction that publishes,
-- archives, saves or deletes (no dual write); DesignOutboxRelay sends them in id order and marks them sent.
-- A null payload is a tombstone (a deleted persona).
CREATE TABLE design_outbox (
    id          BIGSERIAL    PRIMARY KEY,
    topic       VARCHAR(200) NOT NULL,
    record_key  VARCHAR(200) NOT NULL,
    payload     TEXT,
    created_at  TIMESTAMPTZ  NOT NULL,
    sent_at     TIMESTAMPTZ
);

CREATE INDEX design_outbox_unsent ON design_outbox (id) WHERE sent_at IS NULL;
