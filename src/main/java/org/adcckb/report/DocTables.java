package org.adcckb.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adcckb.facts.Agent;
import org.adcckb.facts.Cd38Modulation;
import org.adcckb.kb.Evidence;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.RuleInfo;
import org.adcckb.kb.Vocabulary;

/**
 * The tables of the documentation that come from the knowledge base, so that no grade, location or source of a
 * rule is ever typed into a document: a document holds each table between the comments
 * {@code <!-- generated: NAME -->} and {@code <!-- end generated -->}, and {@code adcc rules --format markdown
 * --update FILE} rewrites what lies between them. The tables ({@link #names}):
 * <ul>
 *   <li>{@code rules}: every rule, with its location, evidence grade, whether it is partly inferred, whether it
 *       names an unknown, and its sources; {@code rules FILE}: the rules of one rule file; {@code rules below A}:
 *       the rules graded below the strongest grade;</li>
 *   <li>{@code table FILE}: the rows of a decision table, with the columns its authors fill in (a CD38 fold
 *       also as its change on the log2 scale, with the range its size allows);</li>
 *   <li>{@code grades}: how many rules have each evidence grade;</li>
 *   <li>{@code sources}: every work the rules or the vocabulary cite, with what cites it;</li>
 *   <li>{@code agents}: the agents of the vocabulary;</li>
 *   <li>{@code scenarios PATH...}: the answers to the scenarios of some files or directories ({@link ScenarioTable};
 *       not among {@link #names}, since any path may be named).</li>
 * </ul>
 * Decision tables and the agents' sources are read from the rules directory, as written.
 */
public final class DocTables {

    public static final String END = "<!-- end generated -->";
    private static final Pattern START = Pattern.compile("<!-- generated: ([^>]*?) -->");

    private DocTables() {
    }

    /** The names of the tables this knowledge base gives, in the order {@link #markdown} prints them. */
    public static List<String> names(KnowledgeBase kb) {
        List<String> names = new ArrayList<>();
        names.add("rules");
        names.add("rules below " + Evidence.GRADES.keySet().iterator().next());
        for (String file : files(kb)) {
            names.add("rules " + file);
        }
        for (String file : files(kb)) {
            if (file.endsWith(".csv")) {
                names.add("table " + file);
            }
        }
        names.addAll(List.of("grades", "sources", "agents"));
        return names;
    }

    /** One table, ending in a newline. */
    public static String table(KnowledgeBase kb, String name) {
        if (name.equals("rules")) {
            return rules(kb, kb.rules());
        }
        String strongest = Evidence.GRADES.keySet().iterator().next();
        if (name.equals("rules below " + strongest)) {
            return rules(kb, kb.rules().stream().filter(r -> !strongest.equals(r.evidence())).toList());
        }
        if (name.startsWith("rules ") && files(kb).contains(name.substring(6))) {
            String file = name.substring(6);
            return rules(kb, kb.rules().stream().filter(r -> r.file().equals(file)).toList());
        }
        if (name.startsWith("table ") && name.endsWith(".csv") && files(kb).contains(name.substring(6))) {
            return decisionTable(kb, name.substring(6));
        }
        if (name.equals("scenarios") || name.startsWith("scenarios ")) {
            return ScenarioTable.table(kb, List.of(name.substring("scenarios".length()).strip().split("\\s+"))
                    .stream().filter(p -> !p.isEmpty()).toList());
        }
        return switch (name) {
            case "grades" -> grades(kb);
            case "sources" -> SourceTable.table(kb);
            case "agents" -> agents(kb);
            default -> throw new IllegalArgumentException("no generated table '" + name + "'; the tables are: "
                    + String.join(", ", names(kb)) + ", and scenarios PATH... (the answers to the scenarios of "
                    + "files or directories; !PATH leaves some out)");
        };
    }

    /** Every table between its markers, as a document would hold it. */
    public static String markdown(KnowledgeBase kb) {
        StringBuilder out = new StringBuilder();
        for (String name : names(kb)) {
            out.append(out.isEmpty() ? "" : "\n").append(section(name, table(kb, name))).append('\n');
        }
        return out.toString();
    }

    /**
     * The document with every generated section holding its table as the knowledge base gives it now.
     *
     * @throws IllegalArgumentException for a section without its end, or naming no table
     */
    public static String update(String doc, KnowledgeBase kb) {
        StringBuilder out = new StringBuilder();
        Matcher m = START.matcher(doc);
        int at = 0;
        while (m.find(at)) {
            int start = m.start();
            String marker = m.group();
            String name = m.group(1).strip();
            int end = doc.indexOf(END, m.end());
            boolean another = m.find(m.end());
            if (end < 0 || (another && m.start() < end)) {
                throw new IllegalArgumentException("line " + lineOf(doc, start) + ": '" + marker
                        + "' has no '" + END + "' before the next section or the end of the file");
            }
            String table;
            try {
                table = table(kb, name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + lineOf(doc, start) + ": " + e.getMessage(), e);
            }
            out.append(doc, at, start).append(section(name, table));
            at = end + END.length();
        }
        return out.append(doc.substring(at)).toString();
    }

    /** The names of the generated sections a document holds, in order. */
    public static List<String> sections(String doc) {
        List<String> names = new ArrayList<>();
        Matcher m = START.matcher(doc);
        while (m.find()) {
            names.add(m.group(1).strip());
        }
        return names;
    }

    /** The document without its generated sections (markers included): the part of it written by hand. */
    public static String handWritten(String doc) {
        return doc.replaceAll("(?s)<!-- generated: [^>]*?-->.*?" + Pattern.quote(END), "");
    }

    private static String section(String name, String table) {
        return "<!-- generated: " + name + " -->\n" + table + END;
    }

    private static int lineOf(String s, int index) {
        return (int) s.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    private static List<String> files(KnowledgeBase kb) {
        return kb.rules().stream().map(RuleInfo::file).distinct().sorted().toList();
    }

    private static String rules(KnowledgeBase kb, List<RuleInfo> rules) {
        Markdown t = new Markdown("Rule", "Location", "Evidence", "Inferred", "Unknown", "Sources");
        for (RuleInfo r : rules) {
            t.row(r.name(), "`" + r.file() + ":" + r.line() + "`", r.evidence(), yesNo(r.isInferred()),
                    yesNo(r.unknown() != null), shortSources(kb, r.sources()));
        }
        return t.toString();
    }

    private static String decisionTable(KnowledgeBase kb, String file) {
        List<List<String>> rows = org.adcckb.input.Csv.parse(read(Path.of(kb.directory()).resolve(file)));
        int keywords = -1;
        for (int i = 0; i < rows.size() && keywords < 0; i++) {
            if (!rows.get(i).isEmpty() && rows.get(i).get(0).strip().equals("NAME")) {
                keywords = i;
            }
        }
        if (keywords < 0 || keywords + 3 >= rows.size()) {
            throw new IllegalArgumentException(file + " has no rule table");
        }
        // The columns an author fills in: the conditions and actions, named by the row of column names.
        List<String> kinds = rows.get(keywords);
        List<String> titles = rows.get(keywords + 3);
        List<Integer> columns = new ArrayList<>();
        for (int c = 1; c < kinds.size(); c++) {
            String kind = kinds.get(c).strip();
            if ((kind.equals("CONDITION") || kind.equals("ACTION")) && c < titles.size()) {
                columns.add(c);
            }
        }
        int fold = columnNamed(titles, columns, "fold");
        int size = columnNamed(titles, columns, "size");
        List<String> header = new ArrayList<>(List.of("Rule", "Row"));
        columns.forEach(c -> header.add(capitalised(titles.get(c).strip())));
        if (fold >= 0 && size >= 0) {
            header.add("log2 change (range)");
        }
        header.addAll(List.of("Evidence", "Unknown"));
        Markdown t = new Markdown(header.toArray(String[]::new));
        Map<String, RuleInfo> byName = new LinkedHashMap<>();
        kb.rules().stream().filter(r -> r.file().equals(file)).forEach(r -> byName.put(r.name(), r));
        for (List<String> row : rows.subList(keywords + 4, rows.size())) {
            RuleInfo r = row.isEmpty() ? null : byName.get(row.get(0).strip());
            if (r == null) {
                continue;
            }
            List<String> cells = new ArrayList<>(List.of(r.name(), "`" + file + ":" + r.line() + "`"));
            for (int c : columns) {
                String v = c < row.size() ? row.get(c).strip() : "";
                cells.add(v.isEmpty() ? "—" : v);
            }
            if (fold >= 0 && size >= 0) {
                cells.add(change(row.get(fold).strip(), row.get(size).strip()));
            }
            cells.add(r.evidence());
            cells.add(yesNo(r.unknown() != null));
            t.row(cells.toArray(String[]::new));
        }
        return t.toString();
    }

    private static int columnNamed(List<String> titles, List<Integer> columns, String name) {
        return columns.stream().filter(c -> titles.get(c).strip().equalsIgnoreCase(name)).findFirst().orElse(-1);
    }

    private static String change(String fold, String size) {
        try {
            return new Cd38Modulation("cell", "agent", Double.parseDouble(fold), size).change().toString();
        } catch (IllegalArgumentException e) {
            return "—";
        }
    }

    private static String grades(KnowledgeBase kb) {
        Markdown t = new Markdown("Evidence", "Meaning", "Rules", "of them partly inferred", "of them naming an unknown");
        for (Map.Entry<String, String> g : Evidence.GRADES.entrySet()) {
            List<RuleInfo> at = kb.rules().stream().filter(r -> g.getKey().equals(r.evidence())).toList();
            t.row(g.getKey(), g.getValue(), String.valueOf(at.size()),
                    String.valueOf(at.stream().filter(RuleInfo::isInferred).count()),
                    String.valueOf(at.stream().filter(r -> r.unknown() != null).count()));
        }
        List<RuleInfo> all = kb.rules();
        t.row("all", "", String.valueOf(all.size()), String.valueOf(all.stream().filter(RuleInfo::isInferred).count()),
                String.valueOf(all.stream().filter(r -> r.unknown() != null).count()));
        return t.toString();
    }

    private static String agents(KnowledgeBase kb) {
        Map<String, List<String>> sources = agentSources(kb);
        Markdown t = new Markdown("Agent", "Role", "Epitope", "Fc", "Label", "Sources");
        for (Agent a : kb.vocabulary().agents().values()) {
            t.row("`" + a.name() + "`", a.role(), a.epitope() == null ? "—" : "`" + a.epitope() + "`", yesNo(a.fc()),
                    a.label(), shortSources(kb, sources.getOrDefault(a.name(), List.of())));
        }
        return t.toString();
    }

    /** Each agent's {@code source} in vocabulary.json, split at ';'. */
    static Map<String, List<String>> agentSources(KnowledgeBase kb) {
        Map<String, List<String>> out = new TreeMap<>();
        try {
            JsonNode agents = new ObjectMapper().readTree(read(Path.of(kb.directory()).resolve(Vocabulary.FILE))).path("agents");
            agents.fieldNames().forEachRemaining(name -> {
                String src = agents.path(name).path("source").asText("");
                if (!src.isBlank()) {
                    out.put(name, List.of(src.split("\\s*;\\s*")).stream().map(String::strip).toList());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String shortSources(KnowledgeBase kb, List<String> sources) {
        return sources.isEmpty() ? "—" : String.join("; ", sources.stream().map(s -> SourceTable.shortName(kb, s)).toList());
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Markdown table, its cells' pipes escaped. */
    static final class Markdown {

        private final StringBuilder out = new StringBuilder();

        Markdown(String... header) {
            row(header);
            out.append("|").append("---|".repeat(header.length)).append('\n');
        }

        void row(String... cells) {
            out.append('|');
            for (String c : cells) {
                out.append(' ').append(c.replace("|", "\\|").replace("\n", " ")).append(" |");
            }
            out.append('\n');
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
