-- Secrets every replica must share and no operator should have to provide: the first replica that
-- needs one generates it, every other reads it. The first is the key successor refresh tokens are
-- derived with (RefreshTokenCodec). It used to be derived from the signing key, so during a rolling
-- key change replicas derived different successors, and a retry within the reuse grace that reached
-- the other key's replica counted as reuse and revoked the session.
CREATE TABLE service_secret (
    name       VARCHAR(64)              PRIMARY KEY,
    secret     VARCHAR(64)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
