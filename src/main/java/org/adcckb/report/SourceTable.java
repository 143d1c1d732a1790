package org.adcckb.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.Reference;
import org.adcckb.kb.RuleInfo;

/**
 * The generated table {@code sources} of the documentation ({@link DocTables}): every work the rules or the
 * vocabulary cite, with its journal, whether its DOI was checked (the bibliography entry's note), and what cites
 * it; and the short names ("Lejeune 2021") the other tables cite works by.
 */
final class SourceTable {

    private SourceTable() {
    }

    static String table(KnowledgeBase kb) {
        Map<String, List<String>> byRules = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (RuleInfo r : kb.rules()) {
            for (String s : r.sources()) {
                byRules.computeIfAbsent(s, k -> new ArrayList<>()).add("`" + r.file() + ":" + r.line() + "` (" + r.evidence() + ")");
            }
        }
        Map<String, List<String>> byAgents = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        DocTables.agentSources(kb).forEach((agent, sources) -> sources.forEach(s -> byAgents.computeIfAbsent(s, k -> new ArrayList<>()).add("`" + agent + "`")));
        Map<String, String> cited = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byRules.keySet().forEach(s -> cited.put(s, s));
        byAgents.keySet().forEach(s -> cited.putIfAbsent(s, s));
        Map<String, String> ordered = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        cited.values().forEach(s -> ordered.put(shortName(kb, s) + "\u0000" + s, s));
        DocTables.Markdown t = new DocTables.Markdown("Work", "Source", "Journal", "DOI checked", "Rules citing it (evidence)", "Agents citing it");
        for (String s : ordered.values()) {
            Reference r = kb.bibliography().resolve(s).orElse(null);
            t.row(shortName(kb, s), s, r == null ? "—" : journal(r), r == null ? "—" : doiChecked(r),
                    String.join(", ", byRules.getOrDefault(s, List.of("—"))),
                    String.join(", ", byAgents.getOrDefault(s, List.of("—"))));
        }
        return t.toString();
    }

    /** "Blood 128(7):959-970", as the bibliography gives it. */
    private static String journal(Reference r) {
        StringBuilder j = new StringBuilder(r.journal() != null ? r.journal() : r.containerTitle() != null ? r.containerTitle() : "—");
        if (r.volume() != null) {
            j.append(' ').append(r.volume());
        }
        if (r.issue() != null) {
            j.append('(').append(r.issue()).append(')');
        }
        if (r.page() != null) {
            j.append(':').append(r.page().replace("--", "-"));
        }
        return j.toString();
    }

    /** Whether the entry's note says its DOI was checked (LITERATURE.md, "DOI status"): yes, **no**, or no DOI. */
    private static String doiChecked(Reference r) {
        String note = r.note() == null ? "" : r.note();
        if (r.doi() == null) {
            return "no DOI";
        }
        return note.startsWith("DOI checked") ? "yes" : note.startsWith("DOI not checked") ? "**no**" : "—";
    }

    /** "Lejeune 2021", "van der Veer 2011": the first author's family name and the year; the citation without an entry. */
    static String shortName(KnowledgeBase kb, String citation) {
        return kb.bibliography().resolve(citation).map(SourceTable::authorYear).orElse(citation);
    }

    private static String authorYear(Reference r) {
        if (r.authors().isEmpty()) {
            return r.id();
        }
        Reference.Name n = r.authors().get(0);
        String family = n.literal() != null ? n.literal()
                : (n.particle() == null ? "" : n.particle() + " ") + n.family();
        return family + " " + r.year();
    }
}
