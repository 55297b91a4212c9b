package dev.scoreline.learn.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What one property holds across records (or events): how often it is known, its values and words
 * by how many rows hold them (compared as the language compares text: ignoring case and surrounding
 * spaces), and a sample of its numbers. Bounded: past {@value #MAX_DISTINCT} distinct values (ids,
 * e-mail addresses) no new value is counted.
 */
final class ValueStats {

    static final int MAX_DISTINCT = 5000;
    private static final int SAMPLE = 20_000;
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}]+");

    private long known;
    private final Map<String, long[]> values = new HashMap<>();
    private final Map<String, String> spelling = new HashMap<>();
    private final Map<String, long[]> words = new HashMap<>();
    private final double[] sample = new double[SAMPLE];
    private long numbers;
    private final SplittableRandom random = new SplittableRandom(17);

    /** The columns of many rows, names compared ignoring case (the first spelling kept). */
    static final class Table {
        private final Map<String, ValueStats> columns = new TreeMap<>();
        private final Map<String, String> names = new HashMap<>();
        private long rows;

        void add(Map<String, Object> row) {
            rows++;
            row.forEach((name, value) -> {
                String key = name.toLowerCase(Locale.ROOT);
                names.putIfAbsent(key, name);
                columns.computeIfAbsent(key, k -> new ValueStats()).add(value);
            });
        }

        long rows() {
            return rows;
        }

        /** By name as first spelled, in the order of the lower-cased names. */
        Map<String, ValueStats> columns() {
            Map<String, ValueStats> out = new LinkedHashMap<>();
            columns.forEach((k, v) -> out.put(names.get(k), v));
            return out;
        }
    }

    void add(Object value) {
        List<Object> items = value instanceof Collection<?> c ? new ArrayList<>(c) : Arrays.asList(value);
        Set<String> rowWords = new HashSet<>();
        Set<String> rowValues = new HashSet<>();
        boolean any = false;
        for (Object item : items) {
            if (item instanceof Number n) {
                number(n.doubleValue());
                any = true;
            } else if (item instanceof String s && !s.isBlank()) {
                any = true;
                String t = s.strip();
                if (NUMBER.matcher(t).matches()) {
                    number(Double.parseDouble(t));
                } else if (t.chars().noneMatch(Character::isISOControl)) {
                    String norm = t.toLowerCase(Locale.ROOT);
                    rowValues.add(norm);
                    spelling.putIfAbsent(norm, t);
                    for (String w : WORD_BREAK.split(norm)) {
                        if (w.length() >= 2) {
                            rowWords.add(w);
                        }
                    }
                }
            }
        }
        if (any) {
            known++;
        }
        count(values, rowValues);
        count(words, rowWords);
    }

    private static void count(Map<String, long[]> into, Set<String> seen) {
        for (String s : seen) {
            long[] n = into.get(s);
            if (n != null) {
                n[0]++;
            } else if (into.size() < MAX_DISTINCT) {
                into.put(s, new long[]{1});
            }
        }
    }

    private void number(double v) {
        if (!Double.isFinite(v)) {
            return;
        }
        if (numbers < SAMPLE) {
            sample[(int) numbers] = v;
        } else {
            long j = random.nextLong(numbers + 1);
            if (j < SAMPLE) {
                sample[(int) j] = v;
            }
        }
        numbers++;
    }

    long known() {
        return known;
    }

    long wordRows(String word) {
        long[] n = words.get(word);
        return n == null ? 0 : n[0];
    }

    /** Up to {@code n} values held by at least {@code least} rows, the most frequent first, as first spelled. */
    List<String> frequentValues(long least, int n) {
        return frequent(values, least, n).stream().map(spelling::get).toList();
    }

    /** Up to {@code n} words held by at least {@code least} rows that are not whole frequent values themselves. */
    List<String> frequentWords(long least, int n) {
        return frequent(words, least, Integer.MAX_VALUE).stream()
                .filter(w -> !values.containsKey(w) || values.get(w)[0] < least).limit(n).toList();
    }

    private static List<String> frequent(Map<String, long[]> counts, long least, int n) {
        return counts.entrySet().stream().filter(e -> e.getValue()[0] >= least)
                .sorted((a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(b.getValue()[0], a.getValue()[0])
                        : a.getKey().compareTo(b.getKey()))
                .limit(n).map(Map.Entry::getKey).toList();
    }

    /** Thresholds at the quantiles of the numbers, two significant digits, when most known values are numbers. */
    List<BigDecimal> numberThresholds(double[] quantiles) {
        int k = (int) Math.min(numbers, SAMPLE);
        if (numbers < 0.5 * known || k < 20) {
            return List.of();
        }
        double[] sorted = Arrays.copyOf(sample, k);
        Arrays.sort(sorted);
        List<BigDecimal> out = new ArrayList<>();
        for (double q : quantiles) {
            BigDecimal t = Candidates.round(sorted[(int) Math.min(k - 1, Math.floor(q * k))]);
            if (t.signum() != 0 && out.stream().noneMatch(x -> x.compareTo(t) == 0)) {
                out.add(t);
            }
        }
        return out;
    }
}
