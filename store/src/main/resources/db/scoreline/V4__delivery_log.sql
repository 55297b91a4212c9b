-- What the sinks are owed. Portable SQL for H2 2.x and PostgreSQL 10+, like V1. See docs/store.md,
-- "What a sink sees after a crash".

-- Each committed batch of changes a run hands to the sinks, written in the same transaction as
-- the changes (payload: the updates as the runtime encodes them, one line each), and kept until
-- every sink it is owed to has acknowledged it. seq orders the batches.
CREATE TABLE sl_delivery (
    seq          BIGINT       NOT NULL,
    run_id       VARCHAR(100) NOT NULL,
    updates      INTEGER      NOT NULL,
    payload      VARCHAR      NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sl_delivery_pk PRIMARY KEY (seq)
);

-- Which sink still owes an acknowledgement of which batch: a sink acknowledges a batch once it
-- took it and flushed it (or kept it in its outbox). After a crash a run re-sends a sink exactly
-- the batches listed here for it: at most the one that was in flight.
CREATE TABLE sl_delivery_owed (
    sink_name  VARCHAR(200) NOT NULL,
    seq        BIGINT       NOT NULL,
    CONSTRAINT sl_delivery_owed_pk PRIMARY KEY (sink_name, seq),
    CONSTRAINT sl_delivery_owed_batch FOREIGN KEY (seq) REFERENCES sl_delivery (seq) ON DELETE CASCADE
);
CREATE INDEX sl_delivery_owed_seq ON sl_delivery_owed (seq);
