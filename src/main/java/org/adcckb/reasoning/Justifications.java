package org.adcckb.reasoning;

import java.util.ArrayList;
import java.util.List;
import org.drools.core.common.EqualityKey;
import org.drools.core.common.InternalFactHandle;
import org.drools.tms.LogicalDependency;
import org.drools.tms.SimpleMode;
import org.drools.tms.TruthMaintenanceSystemEqualityKey;
import org.drools.tms.beliefsystem.BeliefSet;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

/**
 * The firings that justify a logically inserted fact at the end of reasoning, read from the truth
 * maintenance system itself. The event log alone cannot tell this: a firing whose {@code not} premise
 * later became false stops justifying its fact without any event, and a second firing that derives an
 * equal fact adds a justification without an insertion event.
 *
 * <p>This is the one place that touches Drools internals (drools-core and drools-tms, pinned by the
 * BOM): the belief sets here, and below the fact handles' ids and a match's handles without the list
 * the public API wraps them in. The explanation tests fail loudly if an upgrade changes them.
 */
final class Justifications {

    private Justifications() {
    }

    /** The live justifying matches of a fact, or an empty list for a stated (input) fact. */
    static List<Match> of(FactHandle handle) {
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
     * A fact handle's id: the session numbers its handles from its start (a pooled session from zero again
     * after each reset), so ids index small tables. -1 for a handle of another kind.
     */
    static long idOf(FactHandle handle) {
        return handle instanceof InternalFactHandle h ? h.getId() : -1;
    }

    /** The handles of a match, as {@code Match.getFactHandles()} gives them but as the engine's own array. */
    static FactHandle[] handlesOf(Match match) {
        return match instanceof org.drools.core.reteoo.TupleImpl t ? t.toFactHandles()
                : match.getFactHandles().toArray(new FactHandle[0]);
    }

    /** The object behind a match's handle; null for a query's element, which is no premise. */
    static Object objectOf(FactHandle handle) {
        Object o = ((InternalFactHandle) handle).getObject();
        return o instanceof org.drools.core.common.QueryElementFactHandle ? null : o;
    }
}
