-- Issue 24: sessions a user can see and end, and account deletion reaching the cards-service.
-- public_id: the session's id in the API and in access tokens (`sid`); never its primary key, which
-- only ever travels inside its refresh tokens (reuse detection relies on that). Sessions started
-- before this migration get one when first listed.
ALTER TABLE refresh_session ADD COLUMN public_id UUID;
ALTER TABLE refresh_session ADD COLUMN last_used_at TIMESTAMP WITH TIME ZONE;
-- A short label from the User-Agent and a coarse address (IPv4 /24, IPv6 /48), both as sent at login.
ALTER TABLE refresh_session ADD COLUMN device VARCHAR(64);
ALTER TABLE refresh_session ADD COLUMN address VARCHAR(64);
CREATE UNIQUE INDEX ux_refresh_session_public_id ON refresh_session (public_id);
-- Deleted accounts the cards-service has not yet confirmed it deleted the cards of (an outbox): the
-- cards-service reads them with a client-credentials token and acknowledges each; nothing else of
-- the account is kept.
CREATE TABLE account_deletion (
    user_id      UUID                     PRIMARY KEY,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL
);
