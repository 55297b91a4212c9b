package dev.scoreline.dsl.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?": the nearest candidate by edit distance, when it is near enough to help. */
public final class Suggestions {

    private Suggestions() { }

    /**
     * The candidate closest to {@code word}: equal ignoring case first, else the smallest edit
     * distance if it is at most about a third of the word (1 for short words); ties go to the
     * candidate listed first.
     */
    public static Optional<String> nearest(String word, Collection<String> candidates) {
        String w = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(w, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, w.length() / 3);
        return best != null && bestDistance <= allowed && !best.equals(word) ? Optional.of(best) : Optional.empty();
    }

    /** Edit distance counting an insertion, deletion, substitution or swap of neighbours as one (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** {@code "did you mean \"x\"?"}. */
    public static String didYouMean(String candidate) {
        return "did you mean \"" + candidate + "\"?";
    }
}
