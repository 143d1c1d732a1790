package org.adcckb.kb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adcckb.engine.DrlSyntax;

/**
 * What each rule needs and what it concludes, read from the rule files themselves with the DRL parser:
 * the top-level conditions of its {@code when} part (with their text and line) and the fact types its
 * consequence creates. What-if and why-not use it, so their explanations cannot drift from the rules.
 */
public final class RuleShapes {

    /**
     * One top-level condition of a rule.
     *
     * @param index   1-based position in the {@code when} part
     * @param text    the condition as written
     * @param negated a {@code not}: the rule needs the absence of such facts
     * @param types   the fact types it mentions
     */
    public record Condition(int index, String text, int line, boolean negated, Set<String> types) {
    }

    /**
     * A rule's shape.
     *
     * @param packageName the DRL package, whose imports and functions the conditions rely on
     * @param produces    the fact types the consequence names (the conclusions it can insert)
     */
    public record Shape(String name, String file, String packageName, List<Condition> conditions, Set<String> produces) {
    }

    private static final Pattern TYPE_NAME = Pattern.compile("\\b([A-Z][A-Za-z0-9]*)\\b");

    private final Map<String, Shape> byName;

    private RuleShapes(Map<String, Shape> byName) {
        this.byName = byName;
    }

    /**
     * @param texts     rule file (relative) to its text
     * @param factTypes the simple names of the fact types, to tell conclusions from other capitalised words
     */
    static RuleShapes parse(Map<String, String> texts, Set<String> factTypes,
                            java.util.function.ToIntBiFunction<String, Integer> sourceLine) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            String text = e.getValue();
            DrlSyntax.Parsed pkg = DrlSyntax.parse(text);
            if (!pkg.tree()) {
                if (!pkg.errors().isEmpty()) {
                    throw new IllegalStateException("rule file compiled but does not parse: " + e.getKey()
                            + ": " + pkg.errors().get(0).message());
                }
                continue;
            }
            for (DrlSyntax.ParsedRule r : pkg.rules()) {
                List<Condition> conditions = new ArrayList<>();
                int i = 0;
                for (DrlSyntax.Condition d : r.conditions()) {
                    i++;
                    Set<String> types = new LinkedHashSet<>();
                    d.patterns().forEach(p -> types.add(p.type()));
                    types.retainAll(factTypes);
                    conditions.add(new Condition(i, slice(text, d), sourceLine.applyAsInt(e.getKey(), d.line()),
                            d.negated(), types));
                }
                Set<String> produces = new LinkedHashSet<>();
                Matcher m = TYPE_NAME.matcher(r.consequence());
                while (m.find()) {
                    if (factTypes.contains(m.group(1))) {
                        produces.add(m.group(1));
                    }
                }
                shapes.put(r.name(), new Shape(r.name(), e.getKey(), pkg.packageName(), List.copyOf(conditions), produces));
            }
        }
        return new RuleShapes(shapes);
    }

    private static String slice(String text, DrlSyntax.Condition d) {
        int start = d.start();
        int end = d.end();
        if (start < 0 || end <= start || start >= text.length()) {
            return d.fallback();
        }
        return text.substring(start, Math.min(text.length(), end)).strip().replaceAll("\\s+", " ");
    }

    public Shape shape(String rule) {
        return byName.get(rule);
    }

    public java.util.Collection<Shape> all() {
        return byName.values();
    }

    /** The fact types a rule's {@code not} conditions name. */
    public Set<String> negatedTypes(String rule) {
        Shape s = byName.get(rule);
        Set<String> out = new LinkedHashSet<>();
        if (s != null) {
            s.conditions().stream().filter(Condition::negated).forEach(c -> out.addAll(c.types()));
        }
        return out;
    }

    /** The rules whose consequence creates facts of a type. */
    public List<Shape> producing(String factType) {
        return byName.values().stream().filter(s -> s.produces().contains(factType)).toList();
    }
}
