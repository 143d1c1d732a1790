package org.adcckb.lint;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adcckb.engine.DrlSyntax;
import org.adcckb.facts.FactTypes;
import org.adcckb.facts.Levels;
import org.adcckb.facts.Vocab;
import org.adcckb.input.Suggest;
import org.adcckb.kb.KnowledgeBaseLoader;
import org.adcckb.kb.Vocabulary;
import org.adcckb.scenario.Scenario;

/**
 * What a rule's text says, checked against the vocabulary without compiling it: the quoted values its
 * conditions compare fields with and its consequence passes to fact constructors, and consequences that
 * change working memory or insert without truth maintenance.
 */
final class RuleReferences {

    private static final Pattern LITERAL = Pattern.compile("\\b(\\w+)\\s*(==|!=)\\s*\"([^\"]*)\"");
    /** An ordering comparison with text: {@code cd38 >= "medium"} compares the words letter by letter. */
    private static final Pattern TEXT_ORDER = Pattern.compile("\\b(\\w+)\\s*(<=|>=|<|>)\\s*\"([^\"]*)\"");
    private static final Pattern NEW = Pattern.compile("\\bnew\\s+(\\w+)\\s*\\(");
    private static final Pattern FACTORY = Pattern.compile("\\b([A-Z]\\w*)\\.([a-z]\\w*)\\s*\\(");
    private static final Pattern CHANGES = Pattern.compile("\\b(modify|update|delete|retract)\\s*\\(");
    private static final Pattern PLAIN_INSERT = Pattern.compile("\\binsert\\s*\\(");
    private static final Map<String, Class<?>> TYPES = new HashMap<>();

    static {
        FactTypes.ALL.forEach(t -> TYPES.put(t.getSimpleName(), t));
    }

    /** The rules directory's vocabulary; null when it could not be read (agent and cell-type names are then not checked). */
    private final Vocabulary vocabulary;
    private final Consumer<Linter.Finding> findings;

    RuleReferences(Vocabulary vocabulary, Consumer<Linter.Finding> findings) {
        this.vocabulary = vocabulary;
        this.findings = findings;
    }

    private void finding(String severity, String file, int line, String rule, String check, String message) {
        findings.accept(new Linter.Finding(severity, file, line, rule, check, message));
    }

    void checkConditions(String file, KnowledgeBaseLoader.Sources sources, DrlSyntax.ParsedRule r) {
        for (DrlSyntax.Condition d : r.conditions()) {
            for (DrlSyntax.Pattern p : d.patterns()) {
                Class<?> type = TYPES.get(p.type());
                if (type == null) {
                    continue;
                }
                for (String expression : p.constraints()) {
                    Matcher order = TEXT_ORDER.matcher(expression);
                    while (order.find()) {
                        int line = KnowledgeBaseLoader.sourceLine(sources.lineMaps(), file, p.line() > 0 ? p.line() : r.line());
                        String field = order.group(1);
                        boolean hasRank = field.equals("cd38") && java.util.Arrays.stream(type.getMethods())
                                .anyMatch(x -> x.getName().equals("cd38Rank") && x.getParameterCount() == 0);
                        finding("error", file, line, r.name(), "text-order", p.type() + "( " + field + " " + order.group(2) + " \""
                                + order.group(3) + "\" ) compares text letter by letter (\"high\" < \"low\" < \"medium\"), not levels"
                                + (hasRank ? "; compare ranks: " + field + "Rank " + order.group(2) + " " + rankOf(order.group(3))
                                        + " (none 0, low 1, medium 2, high 3)" : "; compare with == or !=, or a number"));
                    }
                    Matcher m = LITERAL.matcher(expression);
                    while (m.find()) {
                        String domain = domainOf(type, m.group(1));
                        int line = KnowledgeBaseLoader.sourceLine(sources.lineMaps(), file, p.line() > 0 ? p.line() : r.line());
                        checkValue(file, line, r.name(), domain, m.group(3),
                                p.type() + "( " + m.group(1) + " " + m.group(2) + " \"" + m.group(3) + "\" )");
                    }
                }
            }
        }
    }

    private static String rankOf(String level) {
        int i = org.adcckb.facts.Levels.CD38.indexOf(level);
        return i >= 0 ? Integer.toString(i) : "N";
    }

    void checkConsequence(String file, int line, DrlSyntax.ParsedRule r) {
        String consequence = r.consequence();
        Matcher change = CHANGES.matcher(consequence);
        if (change.find()) {
            finding("error", file, line, r.name(), "changes-facts", change.group(1) + "(...) changes working memory: rules never modify, "
                    + "update or delete what they match (input facts least of all); conclude with insertLogical");
        }
        if (PLAIN_INSERT.matcher(consequence).find()) {
            finding("warning", file, line, r.name(), "plain-insert", "insert(...) is not truth-maintained: the conclusion stays "
                    + "when its premises go; conclude with insertLogical");
        }
        Matcher m = NEW.matcher(consequence);
        while (m.find()) {
            Class<?> type = TYPES.get(m.group(1));
            if (type == null || !type.isRecord()) {
                continue;
            }
            List<String> args = arguments(consequence, m.end());
            RecordComponent[] components = type.getRecordComponents();
            for (int i = 0; i < args.size() && i < components.length; i++) {
                String a = args.get(i).strip();
                Vocab v = components[i].getAnnotation(Vocab.class);
                if (v != null && a.length() >= 2 && a.startsWith("\"") && a.endsWith("\"")) {
                    checkValue(file, line, r.name(), v.value(), a.substring(1, a.length() - 1),
                            "new " + m.group(1) + "(...) argument " + components[i].getName());
                }
            }
        }
        // Static factories of the fact types (NkDepletion.graded(..., "high", ...)): their @Vocab parameters.
        Matcher f = FACTORY.matcher(consequence);
        while (f.find()) {
            Class<?> type = TYPES.get(f.group(1));
            if (type == null) {
                continue;
            }
            List<String> args = arguments(consequence, f.end());
            for (java.lang.reflect.Method method : type.getMethods()) {
                if (!method.getName().equals(f.group(2)) || !java.lang.reflect.Modifier.isStatic(method.getModifiers())
                        || method.getParameterCount() != args.size()) {
                    continue;
                }
                java.lang.reflect.Parameter[] params = method.getParameters();
                for (int i = 0; i < args.size(); i++) {
                    String a = args.get(i).strip();
                    Vocab v = params[i].getAnnotation(Vocab.class);
                    if (v != null && a.length() >= 2 && a.startsWith("\"") && a.endsWith("\"")) {
                        checkValue(file, line, r.name(), v.value(), a.substring(1, a.length() - 1),
                                f.group(1) + "." + f.group(2) + "(...) argument " + params[i].getName());
                    }
                }
            }
        }
    }

    /** The top-level arguments of a call whose opening parenthesis ends at {@code from}. */
    static List<String> arguments(String text, int from) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder cur = new StringBuilder();
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (!quoted) {
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    if (depth == 0) {
                        args.add(cur.toString());
                        return args;
                    }
                    depth--;
                } else if (c == ',' && depth == 0) {
                    args.add(cur.toString());
                    cur.setLength(0);
                    continue;
                }
            }
            cur.append(c);
        }
        return args;
    }

    private static String domainOf(Class<?> type, String field) {
        if (!type.isRecord()) {
            return null;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals(field)) {
                Vocab v = c.getAnnotation(Vocab.class);
                return v == null ? null : v.value();
            }
        }
        return null;
    }

    private Collection<String> allowed(String domain) {
        if (domain == null) {
            return null;
        }
        return switch (domain) {
            case Vocab.AGENT -> vocabulary == null ? null : vocabulary.agentNames();
            case Vocab.CELL_TYPE -> vocabulary == null ? null : vocabulary.cellTypeNames();
            case Vocab.CD38_LEVEL -> Levels.CD38;
            case Vocab.GRADE -> Levels.GRADES;
            case Vocab.CD16 -> Levels.CD16;
            case Vocab.SETTING -> Scenario.SETTINGS;
            case Vocab.COURSE -> vocabulary == null ? null : vocabulary.courseNames();
            case Vocab.AGENT_ROLE -> Vocabulary.ROLES;
            case Vocab.OUTCOME_KIND -> vocabulary == null ? null : vocabulary.outcomeNames();
            case Vocab.EPITOPE -> vocabulary == null ? null : vocabulary.agents().values().stream()
                    .map(org.adcckb.facts.Agent::epitope).filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
            case Vocab.TARGET -> vocabulary == null ? null : vocabulary.agents().values().stream()
                    .map(org.adcckb.facts.Agent::target).filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
            default -> null;
        };
    }

    private void checkValue(String file, int line, String rule, String domain, String value, String where) {
        Collection<String> allowed = allowed(domain);
        if (allowed == null || allowed.contains(value)) {
            return;
        }
        finding("error", file, line, rule, "vocabulary", "'" + value + "' in " + where + " is not a known " + domain + "; known: "
                + String.join(", ", allowed) + Suggest.hint(value, allowed));
    }
}
