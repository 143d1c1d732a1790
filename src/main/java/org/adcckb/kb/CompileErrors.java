package org.adcckb.kb;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adcckb.facts.Fact;
import org.adcckb.facts.FactTypes;
import org.adcckb.input.Suggest;

/**
 * The compiler's errors in the words of a rule author: what is wrong and how to fix it, with the rule it
 * is in. Each recognised error has a method of its own; any other error keeps the compiler's message, on
 * one line. The file and line are the caller's: a {@link Problem} or a lint finding carries them.
 */
public final class CompileErrors {

    /** Where the template of a rule file and of a table row is. */
    static final String GUIDE = "docs/AUTHORING.md";

    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unable to resolve ObjectType '([\\w.$]+)'");
    private static final Pattern NO_SUCH_FIELD =
            Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
    private static final Pattern UNRESOLVED = Pattern.compile("([\\w$]+) cannot be resolved to a variable");
    private static final Pattern EOF = Pattern.compile("mismatched input '<eof>'(?: in rule \"((?:[^\"\\\\]|\\\\.)*)\")?");
    private static final Pattern RULE_HEADER =
            Pattern.compile("^\\s*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)'|(\\S+))");
    private static final Pattern END = Pattern.compile("^\\s*end\\s*(//.*)?$");
    private static final Pattern FACTS_IMPORT = Pattern.compile("(?m)^\\s*import\\s+org\\.adcckb\\.facts\\.");

    private CompileErrors() {
    }

    /**
     * The message for a compile error of {@code file}, whose compiled text (the DRL generated from it, for a
     * decision table) is {@code text}, at line {@code drlLine} of that text (0 when unknown).
     */
    public static String message(String file, String text, int drlLine, String raw) {
        if (raw == null) {
            return "rule compilation failed";
        }
        boolean table = file != null && file.endsWith(".csv");
        String rule = text == null ? null : ruleAt(text, drlLine).orElse(null);
        Optional<String> plain = endOfFile(raw, rule)
                .or(() -> table ? notANumber(raw) : Optional.empty())
                .or(() -> unknownType(raw, text).map(m -> inRule(rule, m)))
                .or(() -> unknownField(raw).map(m -> inRule(rule, m)))
                .or(() -> table ? Optional.empty() : unresolved(raw).map(m -> inRule(rule, m)));
        return plain.orElseGet(() -> inRule(rule, oneLine(raw)));
    }

    /** A rule missing its {@code end}: the parser reaches the end of the file inside it. */
    static Optional<String> endOfFile(String raw, String ruleAtLine) {
        Matcher m = EOF.matcher(raw);
        if (!m.find()) {
            return Optional.empty();
        }
        String rule = m.group(1) != null ? m.group(1) : ruleAtLine;
        return Optional.of(rule == null
                ? "the file ends in the middle of a rule or its header: is an `end` or a closing bracket or quote missing?"
                : "the file ends inside rule \"" + rule + "\": is its `end` missing?");
    }

    /** A decision table's fold that is not a number: the table writes it into the rule as it stands, a word becomes a name. */
    static Optional<String> notANumber(String raw) {
        Matcher m = UNRESOLVED.matcher(raw);
        return m.find() ? Optional.of("fold '" + m.group(1) + "' is not a number; write a number such as 2.0") : Optional.empty();
    }

    /** A fact type the compiler does not know: the file lacks the header that imports the fact types, or the name is misspelt. */
    static Optional<String> unknownType(String raw, String text) {
        Matcher m = UNKNOWN_TYPE.matcher(raw);
        if (!m.find()) {
            return Optional.empty();
        }
        String type = m.group(1);
        if (FactTypes.NAMES.contains(type) && (text == null || !FACTS_IMPORT.matcher(text).find())) {
            return Optional.of("the fact type " + type + " is unknown here; a rule file starts with `package adcckb.<name>;` and "
                    + "`import org.adcckb.facts.*;` (see " + GUIDE + ")");
        }
        return Optional.of("there is no fact type " + type + Suggest.hint(type, FactTypes.NAMES) + "; the fact types are "
                + String.join(", ", new TreeSet<>(FactTypes.NAMES)));
    }

    /** A field the fact type does not have: names the type and lists its fields. */
    static Optional<String> unknownField(String raw) {
        Matcher m = NO_SUCH_FIELD.matcher(raw);
        if (!m.find()) {
            return Optional.empty();
        }
        String className = m.group(1);
        String field = m.group(2);
        String simple = className.substring(className.lastIndexOf('.') + 1);
        Optional<Class<? extends Fact>> type = FactTypes.ALL.stream().filter(c -> c.getSimpleName().equals(simple)).findFirst();
        if (type.isEmpty() || !type.get().isRecord()) {
            return Optional.of(simple + " has no field '" + field + "'");
        }
        List<String> fields = new ArrayList<>();
        for (var c : type.get().getRecordComponents()) {
            fields.add(c.getName());
        }
        List<String> derived = derived(type.get(), fields);
        List<String> all = new ArrayList<>(fields);
        all.addAll(derived);
        return Optional.of(simple + " has no field '" + field + "'; its fields are " + String.join(", ", fields)
                + (derived.isEmpty() ? "" : "; also " + String.join(", ", derived)) + Suggest.hint(field, all));
    }

    /** A bare word in a DRL rule where a value belongs: an unbound {@code $name} or text without its quotes. */
    static Optional<String> unresolved(String raw) {
        Matcher m = UNRESOLVED.matcher(raw);
        if (!m.find()) {
            return Optional.empty();
        }
        String name = m.group(1);
        return Optional.of(name.startsWith("$")
                ? name + " " + UNBOUND + ": bind it in a condition of this rule (`" + name + " : field`)"
                : name + " " + UNBOUND + ": put text in double quotes (\"" + name + "\"), or use a name bound in a condition ($name)");
    }

    private static final String UNBOUND = "is not bound in this rule";

    /**
     * Drops the errors that only follow from another error of the same rule: a name left unbound because the
     * condition that binds it did not compile.
     */
    static List<Problem> withoutFollowOns(List<Problem> problems) {
        List<Problem> out = new ArrayList<>();
        for (Problem p : problems) {
            boolean followOn = p.message().contains(UNBOUND) && problems.stream().anyMatch(q -> q != p
                    && q.file().equals(p.file()) && !q.message().contains(UNBOUND) && sameRule(p.message(), q.message()));
            if (!followOn) {
                out.add(p);
            }
        }
        return out;
    }

    private static boolean sameRule(String a, String b) {
        int end = a.indexOf("\": ");
        return a.startsWith("rule \"") && end > 0 && b.startsWith(a.substring(0, end + 3));
    }

    /** The rule whose text holds {@code line} (between its {@code rule} line and its {@code end}), if any. */
    static Optional<String> ruleAt(String text, int line) {
        if (line <= 0) {
            return Optional.empty();
        }
        String[] lines = KnowledgeBaseLoader.withoutBlockComments(text).split("\n", -1);
        String rule = null;
        for (int i = 0; i < Math.min(line, lines.length); i++) {
            Matcher h = RULE_HEADER.matcher(lines[i]);
            if (h.find()) {
                rule = h.group(1) != null ? h.group(1) : h.group(2) != null ? h.group(2) : h.group(3);
            } else if (END.matcher(lines[i]).find() && i + 1 < line) {
                rule = null;
            }
        }
        return Optional.ofNullable(rule);
    }

    /** Public no-argument methods rules may use like fields ({@code cd38Expressed}, {@code rank}). */
    private static List<String> derived(Class<?> type, List<String> fields) {
        Set<String> skip = new LinkedHashSet<>(fields);
        for (Method m : Fact.class.getMethods()) {
            skip.add(m.getName());
        }
        for (Method m : Object.class.getMethods()) {
            skip.add(m.getName());
        }
        Set<String> out = new TreeSet<>();
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && m.getReturnType() != void.class
                    && !skip.contains(m.getName())) {
                out.add(m.getName());
            }
        }
        return List.copyOf(out);
    }

    private static String inRule(String rule, String message) {
        return rule == null ? message : "rule \"" + rule + "\": " + message;
    }

    /** The compiler's own message on one line, without stack frames. */
    static String oneLine(String raw) {
        String[] lines = raw.strip().split("\\R");
        StringBuilder out = new StringBuilder();
        for (String l : lines) {
            String t = l.strip();
            if (t.isEmpty() || t.startsWith("at ")) {
                continue;
            }
            if (out.length() > 0) {
                out.append(" | ");
            }
            out.append(t);
            if (out.length() > 400) {
                break;
            }
        }
        return out.toString();
    }
}
