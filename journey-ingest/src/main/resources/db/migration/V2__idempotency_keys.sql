-- Idempotency-Key of POST /v1/touchpoints: per tenant and sending system, the first request's hash and its answer,
-- replayed to a resend of the same request within the window. A row without a status is a request in flight: the
-- primary key lets one of two concurrent requests with one key claim it, the other is answered 409.
CREATE TABLE idempotency_keys (
    tenant_id       VARCHAR(128) NOT NULL,
    system          VARCHAR(40)  NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_sha256  CHAR(64)     NOT NULL,
    status          SMALLINT,
    content_type    VARCHAR(100),
    answer          TEXT,
    created_at      TIMESTAMPTZ  NOT NULL,
    expires_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant_id, system, idempotency_key)
);

-- the scheduled delete of expired keys
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
