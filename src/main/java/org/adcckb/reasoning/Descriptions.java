package org.adcckb.reasoning;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.adcckb.facts.Cell;
import org.adcckb.facts.Fact;
import org.adcckb.kb.Vocabulary;

/**
 * How fact values read in an explanation (key, sentence, fields), remembered per value: facts are immutable
 * records, and a cohort repeats the same few hundred of them (a 20,000-scenario random cohort: 480,000 facts,
 * 449 distinct), so describing each once saves most of an explanation's cost. Bounded; once full, further
 * values are described every time, which changes nothing but speed. Safe to share across threads.
 */
final class Descriptions {

    private static final int MAX_DESCRIBED = 8192;

    private final Vocabulary vocabulary;
    private final ConcurrentHashMap<Object, Described> described = new ConcurrentHashMap<>();
    /** The vocabulary's facts (agents, the CD38 scale), by identity: they are inserted in every session. */
    private final Map<Object, Node> background;

    Descriptions(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        Map<Object, Node> nodes = new IdentityHashMap<>();
        List<Object> vocabularyFacts = new ArrayList<>(vocabulary.agents().values());
        vocabularyFacts.add(vocabulary.cd38Scale());
        vocabularyFacts.add(vocabulary.gradeScale());
        for (Object o : vocabularyFacts) {
            Described d = describeNow(o);
            nodes.put(o, new Node(d.key(), d, true, List.of()));
        }
        this.background = nodes;
    }

    /** The node of a vocabulary fact, made once; null for any other object. */
    Node background(Object o) {
        return background.get(o);
    }

    Described of(Object o) {
        Node bg = background.get(o);
        if (bg != null) {
            return bg.about();
        }
        Described d = described.get(o);
        if (d == null) {
            d = describeNow(o);
            // Only values compare by content; anything else would fill the memo with one-off entries.
            if (o instanceof Record && described.size() < MAX_DESCRIBED) {
                Described earlier = described.putIfAbsent(o, d);
                if (earlier != null) {
                    d = earlier;
                }
            }
        }
        return d;
    }

    private Described describeNow(Object o) {
        return new Described(keyOf(o), o.getClass().getSimpleName(), sentence(o),
                Collections.unmodifiableMap(data(o)));
    }

    static String keyOf(Object o) {
        return o instanceof Fact f ? f.key() : o.getClass().getSimpleName() + ":" + o;
    }

    private String sentence(Object o) {
        if (o instanceof Cell c && vocabulary.cellTypes().containsKey(c.type())) {
            return c.describe(vocabulary.cellTypes().get(c.type()).label(), vocabulary.carriesCd16(c.type()));
        }
        return o instanceof Fact f ? f.describe() : String.valueOf(o);
    }

    /** A record type's component names and accessors, looked up once per class rather than per fact. */
    private record Accessors(String[] names, MethodHandle[] getters) {
    }

    private static final ClassValue<Accessors> ACCESSORS = new ClassValue<>() {
        @Override
        protected Accessors computeValue(Class<?> type) {
            RecordComponent[] rc = type.getRecordComponents();
            String[] names = new String[rc.length];
            MethodHandle[] getters = new MethodHandle[rc.length];
            for (int i = 0; i < rc.length; i++) {
                names[i] = rc[i].getName();
                try {
                    getters[i] = MethodHandles.publicLookup().unreflect(rc[i].getAccessor());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
            return new Accessors(names, getters);
        }
    };

    private static Double number(double d) {
        return Double.isInfinite(d) ? null : Math.round(d * 1000.0) / 1000.0;
    }

    /** The fact's fields in declaration order, for the JSON explanation. */
    private static Map<String, Object> data(Object o) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (o instanceof Record r) {
            Accessors a = ACCESSORS.get(r.getClass());
            for (int i = 0; i < a.names().length; i++) {
                try {
                    Object v = a.getters()[i].invoke(r);
                    if (v instanceof org.adcckb.facts.Grading g) {
                        // A grade with its range reads as three plain fields: level, levelFrom, levelTo.
                        out.put("level", g.level());
                        out.put("levelFrom", g.from());
                        out.put("levelTo", g.to());
                    } else if (v instanceof org.adcckb.facts.Estimate e) {
                        // A score with its range: the point and its ends, rounded, null for nothing.
                        String n = a.names()[i];
                        out.put(n, number(e.at()));
                        out.put(n + "From", number(e.from()));
                        out.put(n + "To", number(e.to()));
                    } else if (v != null) {
                        out.put(a.names()[i], v);
                    }
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            }
        } else {
            out.put("value", String.valueOf(o));
        }
        return out;
    }
}
