package org.adcckb.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.RuleInfo;

/**
 * The loaded rules with their citations, and the vocabulary: as text ({@code adcc rules}) and as JSON,
 * where {@code adcc rules --format json} and the explorer's {@code /api/rules} give the same object, so they
 * cannot drift apart.
 */
public final class RulesReport {

    private RulesReport() {
    }

    public static ObjectNode json(KnowledgeBase kb) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("directory", kb.directory());
        root.put("fingerprint", kb.fingerprint());
        ArrayNode rules = root.putArray("rules");
        for (RuleInfo r : kb.rules()) {
            ObjectNode n = rules.addObject();
            n.put("name", r.name());
            n.put("file", r.file());
            n.put("line", r.line());
            n.putPOJO("sources", r.sources());
            n.put("evidence", r.evidence());
            n.put("inferred", r.inferred());
            n.put("rationale", r.rationale());
            n.put("unknown", r.unknown());
            n.put("settledBy", r.settledBy());
        }
        ArrayNode types = root.putArray("cellTypes");
        kb.vocabulary().cellTypes().values().forEach(t -> types.addObject()
                .put("name", t.name()).put("role", t.role()).put("cd16", t.cd16()).put("label", t.label()));
        ArrayNode agents = root.putArray("agents");
        kb.vocabulary().agents().values().forEach(a -> agents.addObject()
                .put("name", a.name()).put("role", a.role()).put("label", a.label()));
        ArrayNode outcomes = root.putArray("outcomes");
        kb.vocabulary().outcomes().forEach(o -> outcomes.addObject()
                .put("name", o.name()).put("label", o.label()).put("fact", o.fact()).put("scale", o.scale())
                .put("aggregate", o.aggregate()).put("better", o.better()));
        return root;
    }

    /** The rules file by file, each with its line, evidence, sources and rationale, then the vocabulary. */
    public static String text(KnowledgeBase kb) {
        StringBuilder out = new StringBuilder();
        out.append(kb.rules().size()).append(" rules in ").append(kb.directory()).append('\n');
        String file = null;
        for (RuleInfo r : kb.rules()) {
            if (!r.file().equals(file)) {
                file = r.file();
                out.append('\n').append(file).append('\n');
            }
            out.append("  ").append(r.line()).append(": \"").append(r.name()).append("\"\n");
            out.append("      evidence ").append(r.evidence()).append(r.isInferred() ? " (partly inferred)" : "")
                    .append("  ").append(String.join("; ", r.sources())).append('\n');
            out.append("      ").append(r.rationale()).append('\n');
            if (r.isInferred()) {
                out.append("      inferred: ").append(r.inferred()).append('\n');
            }
            if (r.unknown() != null) {
                out.append("      unknown: ").append(r.unknown()).append("; would be settled by ").append(r.settledBy()).append('\n');
            }
        }
        out.append('\n').append("Cell types: ").append(String.join(", ", kb.vocabulary().cellTypeNames())).append('\n');
        out.append("Agents: ").append(String.join(", ", kb.vocabulary().agentNames())).append('\n');
        out.append("Outcomes: ").append(String.join(", ", kb.vocabulary().outcomes().stream()
                .map(o -> o.name() + " (" + o.label() + ", " + o.better() + " is better)").toList())).append('\n');
        return out.toString();
    }
}
