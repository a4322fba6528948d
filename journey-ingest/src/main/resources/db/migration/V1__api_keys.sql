-- API keys of sending systems. The secret itself is never stored, only its SHA-256.
-- A system has at most two active keys (rotation: make the new one, switch, revoke the old one): an active key
-- holds one of two slots, and the unique index refuses a third without a lock or a read-then-write race.
CREATE TABLE api_keys (
    key_id        VARCHAR(16)  PRIMARY KEY,
    tenant_id     VARCHAR(128) NOT NULL,
    system        VARCHAR(40)  NOT NULL,
    label         VARCHAR(200) NOT NULL,
    secret_sha256 CHAR(64)     NOT NULL,
    slot          SMALLINT     NOT NULL CHECK (slot IN (1, 2)),
    created_at    TIMESTAMPTZ  NOT NULL,
    created_by    VARCHAR(200) NOT NULL,
    revoked_at    TIMESTAMPTZ,
    revoked_by    VARCHAR(200)
);

CREATE UNIQUE INDEX api_keys_active_slot ON api_keys (tenant_id, system, slot) WHERE revoked_at IS NULL;
CREATE INDEX api_keys_by_tenant ON api_keys (tenant_id, created_at);
