-- Per-account journey state: the aggregate's last snapshot is its whole state.
CREATE TABLE account_state (
    tenant_id        TEXT        NOT NULL,
    account_key      TEXT        NOT NULL,
    account_version  BIGINT      NOT NULL,
    momentum         INTEGER     NOT NULL,
    state            JSONB       NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    row_version      BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, account_key)
);

-- Touchpoints already applied: a redelivered or resent touchpoint changes nothing.
CREATE TABLE processed_touchpoint (
    tenant_id    TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    account_key  TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, event_id)
);

-- Records to publish, written in the same transaction as the state; the relay publishes then deletes them.
CREATE SEQUENCE outbox_record_seq INCREMENT BY 50;
CREATE TABLE outbox_record (
    id           BIGINT      PRIMARY KEY,
    tenant_id    TEXT        NOT NULL,
    account_key  TEXT        NOT NULL,
    topic        TEXT        NOT NULL,
    record_key   TEXT        NOT NULL,
    ce_id        TEXT        NOT NULL,
    ce_type      TEXT        NOT NULL,
    payload      JSONB       NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
