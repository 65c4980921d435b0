-- DPoP (RFC 9449, issue 23). A session of a public client started with a proof is bound to the
-- proof's key: its refresh token is refused without a proof by that key (§5).
ALTER TABLE refresh_session ADD COLUMN dpop_jkt VARCHAR(64);
-- Every accepted proof, by key and jti, while its iat can still be accepted (§11.1): a proof is
-- used once on any replica. Rows are purged once past expires_at.
CREATE TABLE dpop_proof_use (
    id         VARCHAR(64)              PRIMARY KEY,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX dpop_proof_use_expires_at ON dpop_proof_use (expires_at);
