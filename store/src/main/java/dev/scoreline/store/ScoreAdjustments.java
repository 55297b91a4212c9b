package dev.scoreline.store;

import dev.scoreline.api.Adjustment;
import dev.scoreline.api.RecordKey;
import dev.scoreline.store.internal.StoreConnection;
import dev.scoreline.store.internal.StoreErrors;
import dev.scoreline.store.internal.Values;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Manual adjustments of records' scores ({@code scoreline adjust}, docs/store.md "Adjustments"):
 * made, listed and removed here, read by every run and follow poll, which add them to the totals
 * before their clamp. Making or removing one leaves it <em>pending</em> until the next run (or
 * follow poll) of its score re-scores the record and reports the change {@code adjustment}; that
 * run then calls {@link #applied}. Get it from {@link ScoreStore#adjustments()}.
 */
public final class ScoreAdjustments {

    private static final String SELECT = "SELECT id, score_name, record_key, points, reason, author, until_at, created_at "
            + "FROM sl_adjustment";
    /** The longest author kept (the column's width). */
    private static final int MAX_AUTHOR = 200;

    private final StoreConnection db;

    ScoreAdjustments(StoreConnection db) {
        this.db = db;
    }

    /** What was made and removed since the last run of the scores applied them (see {@link #pending}). */
    public record Changes(List<Adjustment> made, List<Adjustment> removed) {

        public boolean isEmpty() {
            return made.isEmpty() && removed.isEmpty();
        }

        /** The records these changes re-score. */
        public java.util.Set<RecordKey> records() {
            java.util.Set<RecordKey> keys = new TreeSet<>();
            made.forEach(a -> keys.add(a.record()));
            removed.forEach(a -> keys.add(a.record()));
            return keys;
        }
    }

    /**
     * Adds {@code points} to the score of {@code record} until {@code until} (null: until removed).
     * The score must be known to the store (the catalog or the values of a run: else {@code SL605}
     * with the nearest name) and the record must have a value of it ({@code SL609}).
     */
    public Adjustment add(String score, RecordKey record, BigDecimal points, String reason, String author, Instant until) {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(points, "points");
        return db.tx(() -> {
            if (db.count("SELECT COUNT(*) FROM sl_current WHERE score_name = ? AND record_key = ?", score,
                    record.toString()) == 0) {
                requireScore(score);
                throw StoreErrors.unknownRecord(score, record.toString());
            }
            Instant now = db.now();
            String who = author == null ? "" : author.length() > MAX_AUTHOR ? author.substring(0, MAX_AUTHOR) : author;
            long id = db.insertReturningId("INSERT INTO sl_adjustment (score_name, record_key, points, reason, author, "
                    + "until_at, created_at, pending) VALUES (?, ?, ?, ?, ?, ?, ?, TRUE)", score, record.toString(),
                    Values.storable(points), Values.cut(reason), who, until, now);
            return new Adjustment(id, score, record, Values.readable(Values.storable(points)), Values.cut(reason), who,
                    until, now);
        });
    }

    /** The adjustments in force or expired (not removed), of one record or (null) of all, by id. */
    public List<Adjustment> list(RecordKey record) {
        return db.tx(() -> record == null
                ? db.query(SELECT + " WHERE removed_at IS NULL ORDER BY id", ScoreAdjustments::adjustment)
                : db.query(SELECT + " WHERE removed_at IS NULL AND record_key = ? ORDER BY id",
                        ScoreAdjustments::adjustment, record.toString()));
    }

    /** The adjustments (not removed) of these scores: what a run adds to their totals. */
    public List<Adjustment> of(Collection<String> scores) {
        return db.tx(() -> {
            List<Adjustment> out = new ArrayList<>();
            for (String score : scores) {
                out.addAll(db.query(SELECT + " WHERE removed_at IS NULL AND score_name = ? ORDER BY id",
                        ScoreAdjustments::adjustment, score));
            }
            return out;
        });
    }

    /**
     * Removes adjustment {@code id} ({@code SL610} when there is none); the next run of its score
     * re-scores the record without it. Returns what was removed.
     */
    public Adjustment remove(long id) {
        return db.tx(() -> {
            Adjustment a = db.queryOne(SELECT + " WHERE id = ? AND removed_at IS NULL", ScoreAdjustments::adjustment, id)
                    .orElseThrow(() -> StoreErrors.unknownAdjustment(id));
            db.update("UPDATE sl_adjustment SET removed_at = ?, pending = TRUE WHERE id = ?", db.now(), id);
            return a;
        });
    }

    /** The adjustments of these scores made or removed since a run last applied them. */
    public Changes pending(Collection<String> scores) {
        return db.tx(() -> {
            List<Adjustment> made = new ArrayList<>();
            List<Adjustment> removed = new ArrayList<>();
            for (String score : scores) {
                db.each(SELECT.replace(" FROM", ", removed_at FROM") + " WHERE pending = TRUE AND score_name = ? ORDER BY id",
                        rs -> (rs.getObject(9) == null ? made : removed).add(adjustment(rs)), score);
            }
            return new Changes(made, removed);
        });
    }

    /**
     * A run (or follow poll) has re-scored the records of {@code changes}: they are no longer
     * pending, and removed ones are forgotten. Changes made meanwhile stay pending.
     */
    public void applied(Changes changes) {
        db.tx(() -> {
            for (Adjustment a : changes.made()) {
                db.update("UPDATE sl_adjustment SET pending = FALSE WHERE id = ? AND removed_at IS NULL", a.id());
            }
            for (Adjustment a : changes.removed()) {
                db.update("DELETE FROM sl_adjustment WHERE id = ?", a.id());
            }
            return null;
        });
    }

    /**
     * A score the catalog has, or that a run left values of; else SL605 with the nearest such name
     * (read only on this failing path: the distinct names of the current values are a scan).
     */
    private void requireScore(String score) throws SQLException {
        if (db.count("SELECT COUNT(*) FROM sl_score WHERE name = ?", score) > 0) {
            return;
        }
        java.util.Set<String> known = new TreeSet<>();
        db.each("SELECT name FROM sl_score", rs -> known.add(rs.getString(1)));
        db.each("SELECT DISTINCT score_name FROM sl_current", rs -> known.add(rs.getString(1)));
        if (!known.contains(score)) {
            throw StoreErrors.unknownScore(score, known);
        }
    }

    private static Adjustment adjustment(ResultSet rs) throws SQLException {
        return new Adjustment(rs.getLong(1), rs.getString(2), RecordKey.parse(rs.getString(3)),
                Values.readable(rs.getBigDecimal(4)), rs.getString(5), rs.getString(6), Values.instant(rs, 7),
                Values.instant(rs, 8));
    }
}
