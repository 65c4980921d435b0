-- Numbered 12 (the issue) rather than 3, so it cannot collide with migrations of concurrent branches.
-- A session remembers the OAuth client it was issued to: a refresh by any other client is
-- invalid_grant (RFC 6749 §6). Every session so far came from the first-party client.
ALTER TABLE refresh_session ADD COLUMN client_id VARCHAR(100);
UPDATE refresh_session SET client_id = 'cards-cli';
ALTER TABLE refresh_session ALTER COLUMN client_id SET NOT NULL;
