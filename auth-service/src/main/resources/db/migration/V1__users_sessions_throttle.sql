CREATE TABLE app_user (
    id            UUID                     PRIMARY KEY,
    email         VARCHAR(254)             NOT NULL,
    password_hash VARCHAR(255)             NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_app_user_email UNIQUE (email)
);

-- One row per login. A refresh token belongs to exactly one session.
CREATE TABLE refresh_session (
    id                  UUID                     PRIMARY KEY,
    user_id             UUID                     NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    idle_expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    previous_token_hash VARCHAR(64),
    rotated_at          TIMESTAMP WITH TIME ZONE,
    revoked_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_refresh_session_user ON refresh_session (user_id);

-- Every refresh token ever issued (SHA-256 only), so that reuse of any retired one is detected.
CREATE TABLE refresh_token (
    token_hash VARCHAR(64)              PRIMARY KEY,
    session_id UUID                     NOT NULL REFERENCES refresh_session (id) ON DELETE CASCADE,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_refresh_token_session ON refresh_token (session_id);

-- Failed-login counters per submitted email, whether or not an account exists.
CREATE TABLE login_throttle (
    email            VARCHAR(254)             PRIMARY KEY,
    failures         INTEGER                  NOT NULL,
    first_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until     TIMESTAMP WITH TIME ZONE
);
