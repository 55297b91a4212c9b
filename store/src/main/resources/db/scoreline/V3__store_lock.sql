-- One run per store: the row a run holds for its whole life (docs/store.md, "One run at a time").
-- Portable SQL for H2 2.x and PostgreSQL 10+, like V1.
-- lock_name is always 'run' (one row at most); token is the holder's own random id, so only the
-- holder refreshes or removes its row, and a takeover replaces exactly the row it judged dead.
-- heartbeat is the database's clock, refreshed by the holder every few seconds: a row whose
-- heartbeat stopped for a minute belongs to a dead (or frozen) run and may be taken over.
CREATE TABLE sl_store_lock (
    lock_name   VARCHAR(20)  NOT NULL,
    token       VARCHAR(64)  NOT NULL,
    run_id      VARCHAR(100),
    host        VARCHAR(255) NOT NULL,
    pid         BIGINT       NOT NULL,
    since       TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sl_store_lock_pk PRIMARY KEY (lock_name)
);
