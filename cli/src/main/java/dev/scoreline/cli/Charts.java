package dev.scoreline.cli;

import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts for the HTML pages: horizontal bars and stacked bars that grow from the left
 * edge of their axis, a line chart and a step chart with marked steps. Every element a reader
 * sees carries its number or label in a {@code data-} attribute and a {@code <title>} (the hover
 * text), so what is drawn can be checked against what was computed.
 */
final class Charts {

    private Charts() { }

    /** Total drawing width: fits a 1280 px window and an A4 page beside the labels. */
    static final int WIDTH = 720;
    /** Where bars start: the labels sit left of it. */
    static final int ORIGIN = 220;
    /** The length of the longest bar: the rest of the width holds the text after it ("349 (87.3%)"). */
    static final int BAR_SPACE = WIDTH - ORIGIN - 110;
    private static final int ROW = 22;

    /** One bar: its label, its length's value, the text shown after it, its colour and hover text. */
    record Bar(String label, double value, String text, String colour, String title) { }

    /** One part of a stacked bar. */
    record Segment(String name, long count, String colour) { }

    /** One point of a line or step chart: its label on the x axis, its value, its mark's colour, its hover text. */
    record Point(String label, double value, String colour, String title) { }

    static String bars(String name, List<Bar> bars) {
        return bars(name, bars, bars.stream().mapToDouble(Bar::value).max().orElse(0));
    }

    /** Bars on a given scale: a bar of {@code max} is the full length (charts drawn alike share it). */
    static String bars(String name, List<Bar> bars, double max) {
        int height = bars.size() * ROW + 8;
        StringBuilder s = open(name, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 4 + i * ROW;
            double w = max <= 0 ? 0 : BAR_SPACE * b.value() / max;
            s.append(label(ORIGIN - 8, y + 15, "end", b.label()));
            s.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" "
                            + "fill=\"%s\" data-label=\"%s\" data-value=\"%s\"><title>%s</title></rect>", ORIGIN, y + 2, w,
                    b.colour(), Html.esc(b.label()), Html.esc(num(b.value())), Html.esc(b.title())));
            s.append(label((int) Math.round(ORIGIN + w + 6), y + 15, "start", b.text()));
        }
        return close(s, height);
    }

    /** Rows of stacked bars, every row on the same scale (the longest row is the full width). */
    static String stacked(String name, List<String> rows, List<List<Segment>> segments) {
        long max = segments.stream().mapToLong(r -> r.stream().mapToLong(Segment::count).sum()).max().orElse(0);
        int height = rows.size() * ROW + 8;
        StringBuilder s = open(name, height);
        for (int i = 0; i < rows.size(); i++) {
            int y = 4 + i * ROW;
            s.append(label(ORIGIN - 8, y + 15, "end", rows.get(i)));
            double x = ORIGIN;
            long total = 0;
            for (Segment seg : segments.get(i)) {
                double w = max == 0 ? 0 : (double) BAR_SPACE * seg.count() / max;
                s.append(String.format(Locale.ROOT, "<rect class=\"segment\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
                                + "height=\"16\" fill=\"%s\" data-row=\"%s\" data-label=\"%s\" data-value=\"%d\">"
                                + "<title>%s, %s: %d</title></rect>", x, y + 2, w, seg.colour(), Html.esc(rows.get(i)),
                        Html.esc(seg.name()), seg.count(), Html.esc(rows.get(i)), Html.esc(seg.name()), seg.count()));
                x += w;
                total += seg.count();
            }
            s.append(label((int) Math.round(x + 6), y + 15, "start", Long.toString(total)));
        }
        return close(s, height);
    }

    /** A line through the points, each marked with a dot. */
    static String line(String name, List<Point> points) {
        return plot(name, points, false);
    }

    /** Steps: the value holds until the next point; each step is marked, its cause the mark's hover text. */
    static String steps(String name, List<Point> points) {
        return plot(name, points, true);
    }

    private static String plot(String name, List<Point> points, boolean steps) {
        int height = 220;
        int top = 12;
        int bottom = height - 34;
        int left = 60;
        int right = WIDTH - 44; // room for half of the last date label
        double lo = Math.min(0, points.stream().mapToDouble(Point::value).min().orElse(0));
        double hi = Math.max(lo + 1, points.stream().mapToDouble(Point::value).max().orElse(1));
        StringBuilder s = open(name, height);
        for (double v : new double[] {lo, (lo + hi) / 2, hi}) {
            double y = bottom - (bottom - top) * (v - lo) / (hi - lo);
            s.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>",
                    left, right, y, y)).append(label(left - 6, (int) Math.round(y + 4), "end", num(v)));
        }
        s.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>",
                left, right, bottom, bottom));
        int n = points.size();
        StringBuilder path = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            double x = n == 1 ? (left + right) / 2.0 : left + 8 + (right - left - 16) * i / (double) (n - 1);
            double y = bottom - (bottom - top) * (p.value() - lo) / (hi - lo);
            path.append(i == 0 ? String.format(Locale.ROOT, "M%.1f %.1f ", x, y)
                    : steps ? String.format(Locale.ROOT, "H%.1f V%.1f ", x, y) : String.format(Locale.ROOT, "L%.1f %.1f ", x, y));
            marks.append(String.format(Locale.ROOT, "<circle class=\"mark\" cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"%s\" "
                            + "stroke=\"#fff\" data-label=\"%s\" data-value=\"%s\"><title>%s</title></circle>", x, y,
                    p.colour(), Html.esc(p.label()),
                    Html.esc(num(p.value())), Html.esc(p.title())));
            if (n <= 12 || i % ((n + 11) / 12) == 0) {
                s.append(label((int) Math.round(x), bottom + 16, "middle", p.label()));
            }
        }
        if (steps && n > 0) {
            path.append(String.format(Locale.ROOT, "H%d", right));
        }
        s.append("<path class=\"").append(steps ? "steps" : "trend").append("\" d=\"").append(path.toString().strip())
                .append("\" fill=\"none\" stroke=\"#3a6fb0\" stroke-width=\"2\"/>").append(marks);
        return close(s, height);
    }

    private static StringBuilder open(String name, int height) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg class=\"chart %s\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" data-origin=\"%d\">", Html.esc(name),
                WIDTH, height, WIDTH, height, ORIGIN));
    }

    private static String close(StringBuilder s, int height) {
        if (s.indexOf("class=\"bar\"") > 0 || s.indexOf("class=\"segment\"") > 0) {
            s.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"0\" y2=\"%d\"/>",
                    ORIGIN, ORIGIN, height));
        }
        return s.append("</svg>\n").toString();
    }

    private static String label(int x, int y, String anchor, String text) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>", x, y, anchor,
                Html.esc(text));
    }

    static String num(double v) {
        return PreviewCommand.num(v);
    }
}
