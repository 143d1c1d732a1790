package org.adcckb.engine;

import java.util.ArrayList;
import java.util.List;
import org.drools.core.common.EqualityKey;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.QueryElementFactHandle;
import org.drools.core.reteoo.TupleImpl;
import org.drools.tms.LogicalDependency;
import org.drools.tms.SimpleMode;
import org.drools.tms.TruthMaintenanceSystemEqualityKey;
import org.drools.tms.beliefsystem.BeliefSet;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

/**
 * The firings that justify a logically inserted fact at the end of reasoning, read from the truth
 * maintenance system itself. The public event API cannot tell this: a firing whose {@code not} premise
 * later became false stops justifying its fact without any event, and a second firing that derives an
 * equal fact adds a justification without an insertion event.
 *
 * <p>Reads drools-core's fact handles and equality keys and drools-tms's belief sets; see README.md.
 */
public final class Justifications {

    private Justifications() {
    }

    /** The live justifying matches of a fact, or an empty list for a stated (input) fact. */
    public static List<Match> of(FactHandle handle) {
        if (!(handle instanceof InternalFactHandle h)) {
            return List.of();
        }
        EqualityKey key = h.getEqualityKey();
        if (!(key instanceof TruthMaintenanceSystemEqualityKey tmsKey) || key.getStatus() != EqualityKey.JUSTIFIED) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        BeliefSet<SimpleMode> beliefs = tmsKey.getBeliefSet();
        if (beliefs == null) {
            return List.of();
        }
        // Most conclusions have one justification: no list is grown for them.
        Match first = null;
        List<Match> more = null;
        for (SimpleMode mode = beliefs.getFirst(); mode != null; mode = mode.getNext()) {
            LogicalDependency<SimpleMode> dependency = mode.getObject();
            if (dependency != null && dependency.getJustifier() != null) {
                if (first == null) {
                    first = dependency.getJustifier();
                } else {
                    if (more == null) {
                        more = new ArrayList<>(4);
                        more.add(first);
                    }
                    more.add(dependency.getJustifier());
                }
            }
        }
        return more != null ? more : first != null ? List.of(first) : List.of();
    }

    /**
     * The objects a match holds, in the order of its handles, without a query's own element (which is no
     * premise). An accumulate's object is its result collection, left as it is.
     */
    public static List<Object> objectsOf(Match match) {
        FactHandle[] handles = match instanceof TupleImpl t ? t.toFactHandles()
                : match.getFactHandles().toArray(new FactHandle[0]);
        List<Object> out = new ArrayList<>(handles.length);
        for (FactHandle h : handles) {
            Object o = h == null ? null : ((InternalFactHandle) h).getObject();
            if (o != null && !(o instanceof QueryElementFactHandle)) {
                out.add(o);
            }
        }
        return out;
    }
}
