package dev.scoreline.engine.internal.compile;

/**
 * The names under which a record's facts carry the values of other scores that rules read
 * ({@code score "NAME"}, {@code status "NAME"}, language.md section 7a). They start with a control
 * character, which no property name can hold, and keep the score's name exactly (score names match
 * exactly, not ignoring case), so they never meet a property of the data.
 */
public final class References {

    private static final String SCORE = "\u0000score\u0000";
    private static final String STATUS = "\u0000status\u0000";

    private References() { }

    public static String scoreProperty(String score) {
        return SCORE + score;
    }

    public static String statusProperty(String score) {
        return STATUS + score;
    }

    public static boolean isReference(String property) {
        return property.startsWith(SCORE) || property.startsWith(STATUS);
    }

    public static boolean isStatus(String property) {
        return property.startsWith(STATUS);
    }

    /** The referenced score's name. */
    public static String scoreOf(String property) {
        return property.substring(property.startsWith(SCORE) ? SCORE.length() : STATUS.length());
    }
}
