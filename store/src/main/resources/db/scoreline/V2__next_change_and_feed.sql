-- What lets a run re-score only what fell due or changed, instead of every record.
-- Portable SQL for H2 2.x and PostgreSQL 10+, like V1. See docs/store.md, "Runs that re-score only what moved".

-- When the record's value can next change with time alone (a decay step, an event leaving a
-- timeframe, a date entering or leaving a window); null when it cannot. A run re-scores the records
-- whose instant has come.
-- The index leads with next_change alone on purpose: one leading with score_name would be chosen
-- by H2 for every "score_name = ? AND record_key IN (…)" lookup of a run, which then scans the
-- whole score instead of looking each key up in the primary key.
ALTER TABLE sl_current ADD COLUMN next_change TIMESTAMP WITH TIME ZONE;
CREATE INDEX sl_current_due ON sl_current (next_change);

-- Per score, where the last finished run left the adapter's change feed, and what it ran: the
-- next run re-scores only the records changed since that watermark (and those that fell due), as
-- long as the adapter, the definition (its hash) and the time order are the same. No row: the
-- next run scores everything.
CREATE TABLE sl_feed (
    score_name       VARCHAR(200)  NOT NULL,
    adapter          VARCHAR(200)  NOT NULL,
    watermark        VARCHAR(4000) NOT NULL,
    definition_hash  VARCHAR(64)   NOT NULL,
    scored_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    run_id           VARCHAR(100)  NOT NULL,
    CONSTRAINT sl_feed_pk PRIMARY KEY (score_name)
);
