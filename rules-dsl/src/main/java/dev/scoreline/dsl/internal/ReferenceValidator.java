package dev.scoreline.dsl.internal;

import dev.scoreline.dsl.DiagnosticCode;
import dev.scoreline.dsl.internal.ScoreDraft.GroupDraft;
import dev.scoreline.dsl.model.Condition;
import dev.scoreline.dsl.model.EventFilter;
import dev.scoreline.dsl.model.Rule;
import dev.scoreline.dsl.model.ScoreReference;
import dev.scoreline.dsl.model.SourcePosition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The checks of section 4 on {@code score "NAME"} and {@code status "NAME"} references, across
 * the files given together: the name must be a score of the set (else the nearest name is the
 * fix), on the object type of the record the reference reads, and no score may read itself,
 * directly or through others (the cycle is named in full at every reference on it). In an event's
 * {@code where}, a reference reads the event's owner: it may stand in a term of its own (joined to
 * the event's properties by {@code and}), not under an {@code or}/{@code not} with them.
 */
final class ReferenceValidator {

    private final Reporter reporter;

    ReferenceValidator(Reporter reporter) {
        this.reporter = reporter;
    }

    /** One score of the set and the references its rules make. */
    private record Node(ScoreDraft draft, List<ScoreReference> references) { }

    void validate(List<ScoreDraft> scores) {
        Map<String, Node> byName = new LinkedHashMap<>();
        boolean namesCertain = true;
        for (ScoreDraft s : scores) {
            if (s.placeholder) {
                continue;
            }
            if (s.headerBroken) {
                namesCertain = false;
                continue;
            }
            List<ScoreReference> references = new ArrayList<>();
            for (GroupDraft g : s.groups) {
                references.addAll(ScoreReference.of(s.objectType, g.rules));
                g.rules.forEach(r -> mixedTerms(s, r));
            }
            byName.putIfAbsent(s.name, new Node(s, references));
        }
        for (Node node : byName.values()) {
            for (ScoreReference r : node.references()) {
                Node target = byName.get(r.score());
                if (target == null) {
                    if (namesCertain) {
                        unknown(node.draft(), r, byName);
                    }
                } else if (!fold(target.draft().objectType).equals(fold(r.objectType()))) {
                    otherType(node.draft(), r, target.draft());
                } else {
                    List<String> cycle = pathBack(r.score(), node.draft().name, byName);
                    if (cycle != null) {
                        cycle(node.draft(), r, cycle);
                    }
                }
            }
        }
    }

    /**
     * Reports a term of an event's {@code where} that tests the owner's score together with the
     * event's own properties under {@code or} or {@code not}: the owner's scores are matched on the
     * owner and the event's properties on the event, joined by {@code and} only.
     */
    private void mixedTerms(ScoreDraft s, Rule rule) {
        EventFilter event = rule.eventRead();
        Condition term = event == null ? null : event.mixedTerm();
        if (term == null) {
            return;
        }
        Condition test = term.first(true);
        String property = ((Condition.Predicate) term.first(false)).property();
        String name = test instanceof Condition.ScoreTest t ? "score " + ScoreFileParser.quote(t.score())
                : "status " + ScoreFileParser.quote(((Condition.StatusTest) test).score());
        SourcePosition at = test instanceof Condition.ScoreTest t ? t.position() : ((Condition.StatusTest) test).position();
        reporter.report(s, s.fileIndex, DiagnosticCode.SCORE_TEST_MIXED_WITH_EVENT, at, name
                + " (read on the record that owns the event) is under or/not together with the event's property "
                + property + ": the engine joins an owner's scores to an event's properties with and only",
                "make the test a term of its own, joined with and (… where " + property + " … and " + name
                        + " …), or split the rule in two");
    }

    private void unknown(ScoreDraft s, ScoreReference r, Map<String, Node> byName) {
        String fix = Suggestions.nearest(r.score(), byName.keySet())
                .map(n -> (n.equalsIgnoreCase(r.score()) ? "score names match exactly: " : "") + Suggestions.didYouMean(n))
                .orElse(byName.isEmpty() ? "define the score in one of the files checked together"
                        : "name one of the scores checked together: " + byName.keySet().stream().limit(5)
                                .map(ScoreFileParser::quote).collect(Collectors.joining(", ")));
        reporter.report(s, s.fileIndex, DiagnosticCode.UNKNOWN_SCORE, r.position(),
                "no score named " + ScoreFileParser.quote(r.score()) + " in the files checked together", fix);
    }

    private void otherType(ScoreDraft s, ScoreReference r, ScoreDraft target) {
        String reads = r.associated() ? "the associated " + r.objectType() + " records"
                : "the scored " + r.objectType() + " record";
        reporter.report(s, s.fileIndex, DiagnosticCode.SCORE_ON_OTHER_TYPE, r.position(),
                "score " + ScoreFileParser.quote(target.name) + " is on " + target.objectType + ", but this reference reads "
                        + reads,
                "read it on associated " + target.objectType + " records (… on associated " + target.objectType
                        + "), or refer to a score on " + r.objectType());
    }

    private void cycle(ScoreDraft s, ScoreReference r, List<String> path) {
        List<String> names = new ArrayList<>();
        names.add(s.name);
        names.addAll(path);
        String chain = names.stream().map(ScoreFileParser::quote).collect(Collectors.joining(" → "));
        String message = names.size() == 2
                ? "score " + ScoreFileParser.quote(s.name) + " refers to itself: " + chain
                : "score " + ScoreFileParser.quote(s.name) + " refers to itself through other scores: " + chain;
        reporter.report(s, s.fileIndex, DiagnosticCode.SCORE_REFERENCE_CYCLE, r.position(), message,
                (names.size() == 2 ? "remove the reference" : "remove one of the references on the cycle")
                        + "; a score cannot read its own value");
    }

    /**
     * The shortest chain of references from {@code from} back to {@code home}, ending with
     * {@code home} and starting with {@code from}, or null when {@code from} never reaches it.
     * References to unknown scores or scores on another type are left out: they are errors already.
     */
    private static List<String> pathBack(String from, String home, Map<String, Node> byName) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(from);
        cameFrom.put(from, null);
        while (!queue.isEmpty()) {
            String name = queue.poll();
            if (name.equals(home)) {
                List<String> path = new ArrayList<>();
                for (String n = name; n != null; n = cameFrom.get(n)) {
                    path.add(0, n);
                }
                return path;
            }
            Node node = byName.get(name);
            for (ScoreReference r : node.references()) {
                Node target = byName.get(r.score());
                if (target != null && !cameFrom.containsKey(r.score())
                        && fold(target.draft().objectType).equals(fold(r.objectType()))) {
                    cameFrom.put(r.score(), name);
                    queue.add(r.score());
                }
            }
        }
        return null;
    }

    private static String fold(String objectType) {
        return objectType.trim().toLowerCase(Locale.ROOT);
    }
}
