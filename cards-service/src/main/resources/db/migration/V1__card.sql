-- One row per flash card. owner_id is the access token's `sub`: cards are only ever read
-- through (owner_id, id) or (owner_id, created_at), so another user's card looks absent.
CREATE TABLE card (
    id         UUID                     PRIMARY KEY,
    owner_id   VARCHAR(255)             NOT NULL,
    question   VARCHAR(1000)            NOT NULL,
    answer     VARCHAR(4000)            NOT NULL,
    -- JSON array of at most 10 tags of at most 32 characters each.
    tags       VARCHAR(4000)            NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT                   NOT NULL
);

CREATE INDEX ix_card_owner_created ON card (owner_id, created_at DESC, id);
