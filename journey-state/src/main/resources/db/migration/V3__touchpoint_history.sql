-- Each applied touchpoint is kept (it carries no direct personal data: the contact is a pseudonymous key), so a
-- touchpoint that arrives late can be replayed into place with the account's whole history in event-time order.
ALTER TABLE processed_touchpoint ADD COLUMN touchpoint TEXT;
CREATE INDEX processed_touchpoint_account ON processed_touchpoint (tenant_id, account_key);
