-- What Segment calls said about a user, per tenant and sending system: identify's contact and group's account, so that
-- a later track or page from that user names them. The user is kept as an HMAC of its userId or anonymousId (keyed
-- with the pseudonym secret), the contact as its pseudonymous contact key and the job title sealed under the
-- contact's data key (as touchpoints carry it): no email, name or user id in clear.
CREATE TABLE segment_users (
    tenant_id    VARCHAR(128) NOT NULL,
    system       VARCHAR(40)  NOT NULL,
    user_hash    CHAR(64)     NOT NULL,
    contact_key  VARCHAR(128),
    sealed_title TEXT,
    account_key  VARCHAR(128),
    updated_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant_id, system, user_hash)
);

-- erasure of a contact forgets the users that named it
CREATE INDEX segment_users_contact ON segment_users (tenant_id, contact_key);
