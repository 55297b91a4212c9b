package dev.scoreline.runtime;

import dev.scoreline.api.ErrorCode;
import dev.scoreline.api.ScorelineException;
import dev.scoreline.store.ScoreStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;

/**
 * Opens the score store the way a user names it (a JDBC URL, or the folder of an embedded store),
 * failing with a coded {@link ScorelineException}: a server that cannot be reached or refuses the
 * credentials (SL601), a folder that cannot be written (SL602), a schema newer than this Scoreline
 * (SL608). A failure the store already coded passes through unchanged.
 */
public final class Stores {

    private static final String FIX_SERVER = "check that the database server runs and that the URL, user and password are right";

    private Stores() { }

    /** A JDBC URL ({@code jdbc:postgresql://…}, {@code jdbc:h2:…}), else the folder of an embedded store. */
    public static ScoreStore open(String where, String user, String password) {
        if (!where.startsWith("jdbc:")) {
            return embedded(Path.of(where));
        }
        try {
            return ScoreStore.open(where, user, password);
        } catch (ScorelineException e) {
            throw e;
        } catch (RuntimeException e) {
            throw openFailure(e, FIX_SERVER);
        }
    }

    /** The embedded store in {@code dir}, created when missing. */
    public static ScoreStore embedded(Path dir) {
        String folder = "the embedded store folder " + dir;
        String fix = "make " + dir + " a folder this user can write, or choose another store";
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ScorelineException(ErrorCode.STORE_READ_ONLY, folder + " is a file, not a folder", fix);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ScorelineException(ErrorCode.STORE_READ_ONLY, folder + " cannot be created: " + reason(dir, e), fix, e);
        }
        if (readOnly(dir)) {
            throw new ScorelineException(ErrorCode.STORE_READ_ONLY, folder + " is read-only", fix);
        }
        try {
            return ScoreStore.embedded(dir);
        } catch (ScorelineException e) {
            throw e;
        } catch (RuntimeException e) {
            throw openFailure(e, fix);
        }
    }

    /** By what the database says: a schema from a newer Scoreline, a store held by another process, a read-only one, else unreachable. */
    private static ScorelineException openFailure(RuntimeException e, String fix) {
        String all = chain(e).toLowerCase(Locale.ROOT);
        if (all.contains("not resolved locally") || all.contains("newer than")) {
            return new ScorelineException(ErrorCode.STORE_SCHEMA, Failures.firstLine(e.getMessage()),
                    "use the Scoreline version that wrote this store, or a newer one", e);
        }
        if (all.contains("already in use") || all.contains("locked by another")) {
            return new ScorelineException(ErrorCode.STORE_LOCKED, Failures.firstLine(e.getMessage()),
                    "wait for the other Scoreline process to finish, or stop it", e);
        }
        if (all.contains("read only") || all.contains("read-only") || all.contains("readonly")
                || all.contains("permission denied") || all.contains("accessdenied")) {
            return new ScorelineException(ErrorCode.STORE_READ_ONLY, Failures.firstLine(e.getMessage()), fix, e);
        }
        return new ScorelineException(ErrorCode.STORE_UNREACHABLE, Failures.firstLine(e.getMessage()), fix, e);
    }

    /**
     * Whether this user cannot write the folder, or its permissions mark it read-only for everyone
     * (which an administrator could still write, but which says the store must not change).
     */
    private static boolean readOnly(Path dir) {
        if (!Files.isWritable(dir)) {
            return true;
        }
        try {
            var perms = Files.getPosixFilePermissions(dir);
            return !perms.contains(PosixFilePermission.OWNER_WRITE) && !perms.contains(PosixFilePermission.GROUP_WRITE)
                    && !perms.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    private static String chain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null && sb.length() < 10_000; c = c.getCause() == c ? null : c.getCause()) {
            sb.append(c.getClass().getSimpleName()).append(' ').append(c.getMessage()).append('\n');
        }
        return sb.toString();
    }

    /** Why a folder cannot be created, in the user's words: a file in the way, or what the system says. */
    private static String reason(Path dir, IOException e) {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    return p + " is a file, not a folder";
                }
                break;
            }
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "the system refuses it (no such file or folder)";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
