-- An operator may disable an account: from then on its sessions, API
-- tokens and feed links open nothing, and nothing is sent to it.
ALTER TABLE users ADD COLUMN disabled_at TIMESTAMPTZ;
-- Few accounts are disabled; sending leaves them out through this.
CREATE INDEX users_disabled ON users (id) WHERE disabled_at IS NOT NULL;
