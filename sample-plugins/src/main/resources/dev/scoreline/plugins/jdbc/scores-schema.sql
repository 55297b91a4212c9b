-- The score properties the jdbc sink keeps: one row per record and score, upserted.
-- Portable SQL: PostgreSQL (10+) and H2 (2.x).
CREATE TABLE IF NOT EXISTS scoreline_scores (
    record_type     VARCHAR(255) NOT NULL,
    record_id       VARCHAR(255) NOT NULL,
    score           VARCHAR(255) NOT NULL,
    score_value     DECIMAL(20, 2) NOT NULL,
    status          VARCHAR(255) NOT NULL,
    engagement      DECIMAL(20, 2),
    fit             DECIMAL(20, 2),
    groups_json     VARCHAR NOT NULL,
    previous_value  DECIMAL(20, 2),
    previous_status VARCHAR(255),
    cause           VARCHAR,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (record_type, record_id, score)
);
