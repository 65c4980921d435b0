-- Login throttling moves from "per submitted email" to "per (email, client address)" and "per
-- client address" (OWASP Authentication Cheat Sheet), and sign-ups are limited per address.
-- Keys are SHA-256 hex of the (kind, email, address) they stand for. The old counters are
-- dropped: at worst an attacker gets one fresh window.
DROP TABLE login_throttle;
CREATE TABLE request_throttle (
    throttle_key     VARCHAR(64)              PRIMARY KEY,
    failures         INTEGER                  NOT NULL,
    first_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until     TIMESTAMP WITH TIME ZONE,
    stale_after      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_request_throttle_stale ON request_throttle (stale_after);
-- The session purge deletes by end time.
CREATE INDEX ix_refresh_session_expires ON refresh_session (expires_at);
