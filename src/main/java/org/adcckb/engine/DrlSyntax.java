package org.adcckb.engine;

import java.util.ArrayList;
import java.util.List;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;

/**
 * A DRL file's rules as the DRL parser reads them, without compiling: lint reads rules that do not
 * compile, and what-if and why-not read each rule's top-level conditions with their text and line,
 * which the compiled rule base does not keep. The parser's syntax tree is drools-drl-ast's, not public
 * API; only what those callers read of it leaves this class.
 */
public final class DrlSyntax {

    /**
     * A parse: the package and its rules (queries left out), and the syntax errors with their DRL lines.
     *
     * @param tree whether the parser gave a syntax tree at all (when not, no rules and no package name)
     */
    public record Parsed(boolean tree, String packageName, List<ParsedRule> rules, List<SyntaxError> errors) {
        /** Parsed without error: the rules are the whole file. */
        public boolean ok() {
            return tree && errors.isEmpty();
        }
    }

    /** @param line the DRL line, 0 when the parser gives none */
    public record SyntaxError(int line, String message) {
    }

    /**
     * A rule.
     *
     * @param annotations its metadata ({@code @name(value)}) in order; a value as written, null when absent
     * @param conditions  the top-level conditions of its {@code when} part
     * @param consequence the {@code then} part as written
     */
    public record ParsedRule(String name, int line, List<Annotation> annotations, List<Condition> conditions,
                             String consequence) {
    }

    public record Annotation(String name, String value) {
    }

    /**
     * A top-level condition.
     *
     * @param start, end  its characters in the text, or -1 when the parser gives none
     * @param fallback    the parser's own rendering, for when the characters are not given
     * @param negated     a {@code not}
     * @param patterns    the patterns in it, nested ones and an accumulate's inputs included, outermost first
     */
    public record Condition(int start, int end, String fallback, int line, boolean negated, List<Pattern> patterns) {
    }

    /** @param constraints the pattern's constraint expressions as written */
    public record Pattern(String type, int line, List<String> constraints) {
    }

    private DrlSyntax() {
    }

    public static Parsed parse(String text) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, text);
        } catch (DroolsParserException ex) {
            return new Parsed(false, null, List.of(), List.of(new SyntaxError(0, ex.getMessage())));
        }
        List<SyntaxError> errors = new ArrayList<>();
        for (DroolsError err : parser.getErrors()) {
            errors.add(new SyntaxError(err.getLines() == null || err.getLines().length == 0 ? 0 : err.getLines()[0],
                    err.getMessage()));
        }
        if (pkg == null) {
            return new Parsed(false, null, List.of(), List.copyOf(errors));
        }
        List<ParsedRule> rules = new ArrayList<>();
        for (RuleDescr r : pkg.getRules()) {
            if (!r.isQuery()) {
                rules.add(rule(r));
            }
        }
        return new Parsed(true, pkg.getName(), List.copyOf(rules), List.copyOf(errors));
    }

    private static ParsedRule rule(RuleDescr r) {
        List<Annotation> annotations = new ArrayList<>();
        for (AnnotationDescr a : r.getAnnotations()) {
            Object v = a.getSingleValue();
            annotations.add(new Annotation(a.getName(), v == null ? null : v.toString()));
        }
        List<Condition> conditions = new ArrayList<>();
        for (BaseDescr d : r.getLhs().getDescrs()) {
            conditions.add(new Condition(d.getStartCharacter(), d.getEndCharacter(), d.toString(), d.getLine(),
                    d instanceof NotDescr, List.copyOf(patterns(d, new ArrayList<>()))));
        }
        return new ParsedRule(r.getName(), r.getLine(), List.copyOf(annotations), List.copyOf(conditions),
                String.valueOf(r.getConsequence()));
    }

    private static List<Pattern> patterns(BaseDescr d, List<Pattern> out) {
        if (d instanceof PatternDescr p) {
            List<String> constraints = new ArrayList<>();
            if (p.getConstraint() != null) {
                for (BaseDescr c : p.getConstraint().getDescrs()) {
                    if (c instanceof ExprConstraintDescr expr) {
                        constraints.add(expr.getExpression());
                    }
                }
            }
            out.add(new Pattern(p.getObjectType(), p.getLine(), List.copyOf(constraints)));
            if (p.getSource() instanceof AccumulateDescr acc && acc.getInput() != null) {
                patterns(acc.getInput(), out);
            }
        } else if (d instanceof ConditionalElementDescr ce) {
            for (BaseDescr c : ce.getDescrs()) {
                patterns(c, out);
            }
        }
        return out;
    }
}
