-- sl_history_record (record_key, score_name, scored_at) repeated the first two columns of the
-- unique key sl_history_once (record_key, score_name, run_id), which serves every lookup of a
-- record's history just as well (a record's entries are few; they are sorted as they are read).
-- Each index costs every history insert: this one about a fifth of it (docs/performance.md).
DROP INDEX sl_history_record;
