package org.adcckb.reasoning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.rule.Match;

/**
 * Watches a session through the engine's public event API, for the runs that need the event log (see
 * {@code Reasoner.run}): what
 * each firing matched (its premises, with accumulated collections opened up) and which fact each
 * consequence inserted. Which of those firings still justify a fact at the end is for
 * {@link org.adcckb.engine.Justifications} to say.
 */
final class DerivationRecorder {

    private final Map<Match, List<Object>> premisesByMatch = new IdentityHashMap<>();
    private final Map<Object, Match> firstInsertion = new IdentityHashMap<>();
    private final Map<String, Integer> firings = new TreeMap<>();
    private Match current;

    final DefaultAgendaEventListener agenda = new DefaultAgendaEventListener() {
        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            Match m = event.getMatch();
            current = m;
            firings.merge(m.getRule().getName(), 1, Integer::sum);
            premisesByMatch.put(m, flatten(m.getObjects()));
        }

        @Override
        public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent event) {
            current = null;
        }
    };

    final DefaultRuleRuntimeEventListener runtime = new DefaultRuleRuntimeEventListener() {
        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getRule() != null && current != null) {
                firstInsertion.putIfAbsent(event.getObject(), current);
            }
        }
    };

    /** The premises a match had when it fired, or its current objects when it was never seen firing. */
    List<Object> premisesOf(Match match) {
        List<Object> p = premisesByMatch.get(match);
        return p != null ? p : premisesNow(match);
    }

    /**
     * The objects a match holds now. For a match that still justifies a conclusion after the rules settle
     * these are the premises of its last firing: a match whose objects changed is fired again before the
     * agenda empties.
     */
    static List<Object> premisesNow(Match match) {
        return flatten(match.getObjects());
    }

    /** The firing that first inserted this very object, if a rule inserted it. */
    Match insertedBy(Object fact) {
        return firstInsertion.get(fact);
    }

    /** Firings per rule, for diagnosing a rule set that does not settle. */
    Map<String, Integer> firings() {
        return firings;
    }

    int totalFirings() {
        return firings.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** An accumulate hands a rule a collection; its members are the premises. */
    private static List<Object> flatten(List<Object> objects) {
        List<Object> out = new ArrayList<>();
        for (Object o : objects) {
            if (o instanceof Collection<?> c) {
                out.addAll(c);
            } else if (o != null) {
                out.add(o);
            }
        }
        return out;
    }
}
