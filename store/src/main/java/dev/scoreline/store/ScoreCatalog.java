package dev.scoreline.store;

import dev.scoreline.store.internal.StoreConnection;
import dev.scoreline.store.internal.StoreErrors;
import dev.scoreline.store.internal.Values;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The catalog of score definitions: drafts and active scores, the versions of their text, and the
 * quotas per object type. Get it from {@link ScoreStore#catalog()}.
 *
 * <p>Refusals are {@link dev.scoreline.api.ScorelineException}s: {@code SL605} for an unknown
 * score, {@code SL606} for a quota, {@code SL607} for a conflict with the catalog's state.
 */
public final class ScoreCatalog {

    private static final String CATALOG_SELECT = "SELECT s.name, s.object_type, s.state, s.latest_version, v.content_hash, "
            + "s.active_version, s.applied_version, s.created_at, s.updated_at, s.activated_at "
            + "FROM sl_score s JOIN sl_score_version v ON v.score_name = s.name AND v.version_no = s.latest_version";
    private static final String VERSION_SELECT = "SELECT score_name, version_no, object_type, content_hash, source_text, "
            + "created_at FROM sl_score_version";
    private static final String NEW_SCORE = "INSERT INTO sl_score (name, object_type, state, latest_version, created_at, "
            + "updated_at) VALUES (?, ?, 'draft', 1, ?, ?)";

    private final StoreConnection db;

    ScoreCatalog(StoreConnection db) {
        this.db = db;
    }

    /** SHA-256 of the UTF-8 text, lower-case hex: a score version's content hash. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Saves the text as the score's newest version; see {@link #saveDraft(String, String, String)}. */
    public SavedDraft saveDraft(ScoreDefinitionText definition) {
        return saveDraft(definition.name(), definition.objectType(), definition.sourceText());
    }

    /**
     * Saves a score's text. A new name becomes a draft at version 1 (within the drafts quota of its
     * object type). For a known name, a text with a new SHA-256 becomes the next version: a draft
     * stays a draft; an active score keeps running its active version until {@link #activate} is
     * called again. The same text again saves nothing.
     */
    public SavedDraft saveDraft(String name, String objectType, String sourceText) {
        ScoreDefinitionText d = new ScoreDefinitionText(name, objectType, sourceText);
        String hash = sha256(d.sourceText());
        return db.tx(() -> {
            Instant now = db.now();
            Optional<CatalogEntry> existing = entryTx(d.name());
            if (existing.isEmpty()) {
                checkDrafts(d.objectType());
                db.update(NEW_SCORE, d.name(), d.objectType(), now, now);
                insertVersion(d, 1, hash, now);
                return new SavedDraft(requireTx(d.name()), true, true);
            }
            CatalogEntry e = existing.get();
            if (e.hash().equals(hash) && e.objectType().equals(d.objectType())) {
                return new SavedDraft(e, false, false);
            }
            if (!e.objectType().equals(d.objectType())) {
                if (e.isActive()) {
                    throw StoreErrors.conflict("score \"" + d.name() + "\" is active on " + e.objectType(),
                            "deactivate it before moving it to " + d.objectType());
                }
                checkDrafts(d.objectType());
            }
            int next = e.version() + 1;
            insertVersion(d, next, hash, now);
            db.update("UPDATE sl_score SET latest_version = ?, object_type = ?, updated_at = ? WHERE name = ?",
                    next, d.objectType(), now, d.name());
            return new SavedDraft(requireTx(d.name()), true, false);
        });
    }

    /**
     * Makes the score's newest version the one that runs. A draft becomes active (within the
     * active quota of its object type); an active score with a newer version is updated to it.
     * Activating what already runs changes nothing. The next run scores every in-scope record
     * with it ({@link CatalogEntry#needsFullRun()}).
     */
    public CatalogEntry activate(String name) {
        return db.tx(() -> {
            CatalogEntry e = requireTx(name);
            if (e.isActive() && e.activeVersion() == e.version()) {
                return e;
            }
            if (!e.isActive()) {
                Quotas q = quotasTx(e.objectType());
                long active = db.count("SELECT COUNT(*) FROM sl_score WHERE object_type = ? AND state = 'active'",
                        e.objectType());
                if (active + 1 > q.maxActive()) {
                    throw StoreErrors.quota("cannot activate \"" + name + "\": object type " + e.objectType()
                            + " already has " + active + " active score" + (active == 1 ? "" : "s") + " and its quota is "
                            + q.maxActive(), "deactivate one first");
                }
            }
            Instant now = db.now();
            db.update("UPDATE sl_score SET state = 'active', active_version = latest_version, activated_at = ?, "
                    + "updated_at = ? WHERE name = ?", now, now, name);
            return requireTx(name);
        });
    }

    /**
     * Stops running the score: it becomes a draft again, keeping its versions and history; the next
     * run clears its current values ({@link #deactivatedWithValues}). Never refused by a quota (stopping must always be possible), so it may leave
     * more drafts than the quota allows; no new draft of that type can then be made until some are
     * deleted. Deactivating a draft changes nothing.
     */
    public CatalogEntry deactivate(String name) {
        return db.tx(() -> {
            CatalogEntry e = requireTx(name);
            if (!e.isActive()) {
                return e;
            }
            db.update("UPDATE sl_score SET state = 'draft', active_version = NULL, applied_version = NULL, updated_at = ? "
                    + "WHERE name = ?", db.now(), name);
            return requireTx(name);
        });
    }

    /**
     * Copies the newest version of a score as a new draft named {@code newName} (the name in its
     * {@code score "…"} line is changed too), within the drafts quota.
     */
    public CatalogEntry clone(String name, String newName) {
        Objects.requireNonNull(newName, "newName");
        return db.tx(() -> {
            CatalogEntry e = requireTx(name);
            if (entryTx(newName).isPresent()) {
                throw StoreErrors.conflict("cannot clone \"" + name + "\" as \"" + newName + "\": a score with that name exists",
                        "choose another name");
            }
            ScoreDefinitionText copy = versionTx(name, e.version()).orElseThrow().definition().withName(newName);
            checkDrafts(copy.objectType());
            Instant now = db.now();
            db.update(NEW_SCORE, newName, copy.objectType(), now, now);
            insertVersion(copy, 1, sha256(copy.sourceText()), now);
            return requireTx(newName);
        });
    }

    /**
     * Deletes a draft with its versions and current values; its history stays. An active score
     * must be deactivated first.
     */
    public void delete(String name) {
        db.tx(() -> {
            if (requireTx(name).isActive()) {
                throw StoreErrors.conflict("score \"" + name + "\" is active", "deactivate it before deleting it");
            }
            db.update("DELETE FROM sl_current WHERE score_name = ?", name);
            db.update("DELETE FROM sl_score_version WHERE score_name = ?", name);
            db.update("DELETE FROM sl_score WHERE name = ?", name);
            return null;
        });
    }

    /** Every score of the catalog, by name. */
    public List<CatalogEntry> list() {
        return db.tx(() -> db.query(CATALOG_SELECT + " ORDER BY s.name", ScoreCatalog::entry));
    }

    public Optional<CatalogEntry> entry(String name) {
        return db.tx(() -> entryTx(name));
    }

    /** The score of that name; an {@code SL605} error when there is none. */
    public CatalogEntry require(String name) {
        return db.tx(() -> requireTx(name));
    }

    /** Every version of a score, oldest first. */
    public List<ScoreVersion> versions(String name) {
        return db.tx(() -> {
            requireTx(name);
            return db.query(VERSION_SELECT + " WHERE score_name = ? ORDER BY version_no", ScoreCatalog::version, name);
        });
    }

    public Optional<ScoreVersion> version(String name, int version) {
        return db.tx(() -> versionTx(name, version));
    }

    /** The newest version of a score. */
    public ScoreVersion latest(String name) {
        return db.tx(() -> versionTx(name, requireTx(name).version()).orElseThrow());
    }

    /** The version that runs of every active score, by name: what a run compiles. */
    public List<ScoreVersion> activeDefinitions() {
        return db.tx(() -> db.query("SELECT v.score_name, v.version_no, v.object_type, v.content_hash, v.source_text, "
                + "v.created_at FROM sl_score_version v JOIN sl_score s ON s.name = v.score_name "
                + "AND s.active_version = v.version_no ORDER BY v.score_name", ScoreCatalog::version));
    }

    /**
     * The scores that are drafts yet still hold current values: deactivated since their last run.
     * A run clears them (each record leaves the scope), so no sink keeps a score that stopped.
     */
    public List<String> deactivatedWithValues() {
        return db.tx(() -> db.query("SELECT s.name FROM sl_score s WHERE s.state = 'draft' AND EXISTS "
                + "(SELECT 1 FROM sl_current c WHERE c.score_name = s.name) ORDER BY s.name", rs -> rs.getString(1)));
    }

    /** The quotas of an object type: its own, else the default ones, else {@link Quotas#DEFAULT}. */
    public Quotas quotas(String objectType) {
        return db.tx(() -> quotasTx(objectType));
    }

    /** Sets (and keeps) the quotas of an object type; existing scores above them are not touched. */
    public void setQuotas(String objectType, Quotas quotas) {
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(quotas, "quotas");
        db.tx(() -> {
            if (db.update("UPDATE sl_quota SET max_active = ?, max_drafts = ? WHERE object_type = ?",
                    quotas.maxActive(), quotas.maxDrafts(), objectType) == 0) {
                db.update("INSERT INTO sl_quota (object_type, max_active, max_drafts) VALUES (?, ?, ?)",
                        objectType, quotas.maxActive(), quotas.maxDrafts());
            }
            return null;
        });
    }

    /** Sets the quotas of every object type that has none of its own. */
    public void setDefaultQuotas(Quotas quotas) {
        setQuotas("*", quotas);
    }

    /** The quotas set per object type ({@code *} is the default), by type. */
    public Map<String, Quotas> allQuotas() {
        return db.tx(() -> {
            Map<String, Quotas> out = new TreeMap<>();
            db.each("SELECT object_type, max_active, max_drafts FROM sl_quota",
                    rs -> out.put(rs.getString(1), new Quotas(rs.getInt(2), rs.getInt(3))));
            return out;
        });
    }

    // ------------------------------------------------------------------ inside a transaction

    private CatalogEntry requireTx(String name) throws SQLException {
        return entryTx(name).orElseThrow(() -> StoreErrors.unknownScore(name));
    }

    private Optional<CatalogEntry> entryTx(String name) throws SQLException {
        return db.queryOne(CATALOG_SELECT + " WHERE s.name = ?", ScoreCatalog::entry, name);
    }

    private Optional<ScoreVersion> versionTx(String name, int version) throws SQLException {
        return db.queryOne(VERSION_SELECT + " WHERE score_name = ? AND version_no = ?", ScoreCatalog::version, name, version);
    }

    private void insertVersion(ScoreDefinitionText d, int version, String hash, Instant now) throws SQLException {
        db.update("INSERT INTO sl_score_version (score_name, version_no, object_type, content_hash, source_text, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", d.name(), version, d.objectType(), hash, d.sourceText(), now);
    }

    /** Refuses a new draft of the object type when its drafts quota is used up. */
    private void checkDrafts(String objectType) throws SQLException {
        Quotas q = quotasTx(objectType);
        long drafts = db.count("SELECT COUNT(*) FROM sl_score WHERE object_type = ? AND state = 'draft'", objectType);
        if (drafts + 1 > q.maxDrafts()) {
            throw StoreErrors.quota("cannot add a draft: object type " + objectType + " already has " + drafts + " draft"
                    + (drafts == 1 ? "" : "s") + " and its quota is " + q.maxDrafts(), "delete or activate one first");
        }
    }

    private Quotas quotasTx(String objectType) throws SQLException {
        Quotas[] ownAndDefault = new Quotas[2];
        db.each("SELECT object_type, max_active, max_drafts FROM sl_quota WHERE object_type IN (?, '*')", rs -> {
            boolean fallback = "*".equals(rs.getString(1)) && !"*".equals(objectType);
            ownAndDefault[fallback ? 1 : 0] = new Quotas(rs.getInt(2), rs.getInt(3));
        }, objectType);
        return ownAndDefault[0] != null ? ownAndDefault[0] : ownAndDefault[1] != null ? ownAndDefault[1] : Quotas.DEFAULT;
    }

    private static CatalogEntry entry(ResultSet rs) throws SQLException {
        return new CatalogEntry(rs.getString(1), rs.getString(2),
                "active".equals(rs.getString(3)) ? CatalogEntry.State.ACTIVE : CatalogEntry.State.DRAFT,
                rs.getInt(4), rs.getString(5), rs.getObject(6, Integer.class), rs.getObject(7, Integer.class),
                Values.instant(rs, 8), Values.instant(rs, 9), Values.instant(rs, 10));
    }

    private static ScoreVersion version(ResultSet rs) throws SQLException {
        return new ScoreVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Values.instant(rs, 6));
    }
}
