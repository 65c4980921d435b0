-- Refresh tokens now name their session, and the session row holds the hash of its one current
-- token: a refresh is a single conditional UPDATE of that row instead of four statements.
-- Tokens issued before this change have the old shape and can no longer be presented, so their
-- sessions end here rather than linger.
ALTER TABLE refresh_session ADD COLUMN token_hash VARCHAR(64);
UPDATE refresh_session SET revoked_at = CURRENT_TIMESTAMP WHERE revoked_at IS NULL;
DROP TABLE refresh_token;
