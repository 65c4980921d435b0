-- DPoP (RFC 9449, issue 23): every accepted proof, by key and jti, while its iat can still be
-- accepted (§11.1), so a proof is used once on any replica. Rows are purged once past expires_at.
CREATE TABLE dpop_proof_use (
    id         VARCHAR(64)              PRIMARY KEY,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX dpop_proof_use_expires_at ON dpop_proof_use (expires_at);
