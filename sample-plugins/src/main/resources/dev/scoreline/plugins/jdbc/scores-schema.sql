-- The scores the jdbc sink keeps: one row per record and score, upserted.
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

-- The same scores as record properties: one row per record and score property (the value, the
-- status and, for combined scores, the engagement and fit, named by the score's property and
-- status property lines or derived from its name), upserted. prop_type and prop_value as in
-- scoreline_record_properties: 'number' (the value as plain text) or 'text'.
CREATE TABLE IF NOT EXISTS scoreline_score_properties (
    record_type VARCHAR(255) NOT NULL,
    record_id   VARCHAR(255) NOT NULL,
    prop_name   VARCHAR(255) NOT NULL,
    prop_value  VARCHAR,
    prop_type   VARCHAR(10) NOT NULL,
    score       VARCHAR(255) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (record_type, record_id, prop_name)
);
