package org.adcckb.whatif;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adcckb.facts.Levels;
import org.adcckb.input.InputException;
import org.adcckb.input.Suggest;
import org.adcckb.reasoning.Outcome;
import org.adcckb.kb.Vocabulary;

/** A wished-for outcome, {@code FIELD=LEVEL} or with {@code >=, <=, >, <}: a declared outcome kind and a grade. */
public record Goal(String field, String op, String level) {

    private static final Pattern FORM = Pattern.compile("\\s*([A-Za-z]+)\\s*(>=|<=|=|>|<)\\s*([A-Za-z]+)\\s*");

    /**
     * Reads a goal's form and grade only, before the knowledge base is loaded (the command line's converter);
     * {@link #parse(String, Vocabulary)} checks the outcome kind.
     */
    public static Goal syntax(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new InputException("--goal " + text, "", "expected FIELD=LEVEL or FIELD>=LEVEL (also <=, >, <): an outcome kind"
                    + " of the vocabulary and one of " + String.join(", ", Levels.GRADES));
        }
        String level = m.group(3);
        if (!Levels.GRADES.contains(level)) {
            throw new InputException("--goal " + text, "", "'" + level + "' is not a grade; grades: "
                    + String.join(", ", Levels.GRADES) + Suggest.hint(level, Levels.GRADES));
        }
        return new Goal(m.group(1), m.group(2), level);
    }

    /** This goal, its outcome kind checked against the vocabulary. */
    public Goal checked(Vocabulary vocabulary) {
        return parse(toString(), vocabulary);
    }

    /** Reads a goal against the outcome kinds the vocabulary declares. */
    public static Goal parse(String text, Vocabulary vocabulary) {
        List<String> outcomes = vocabulary.outcomeNames();
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new InputException("--goal " + text, "", "expected FIELD=LEVEL or FIELD>=LEVEL, such as "
                    + outcomes.get(0) + "=high; fields: " + String.join(", ", outcomes));
        }
        String field = m.group(1);
        if (!outcomes.contains(field)) {
            throw new InputException("--goal " + text, "", "'" + field + "' is not an outcome; outcomes: "
                    + String.join(", ", outcomes) + Suggest.hint(field, outcomes));
        }
        String level = m.group(3);
        if (!Levels.GRADES.contains(level)) {
            throw new InputException("--goal " + text, "", "'" + level + "' is not a grade; grades: "
                    + String.join(", ", Levels.GRADES) + Suggest.hint(level, Levels.GRADES));
        }
        return new Goal(field, m.group(2), level);
    }

    public String value(Outcome o) {
        return o.asMap().get(field);
    }

    public boolean met(Outcome o) {
        int a = Levels.gradeRank(value(o));
        int g = Levels.gradeRank(level);
        return switch (op) {
            case "=" -> a == g;
            case ">=" -> a >= g;
            case "<=" -> a <= g;
            case ">" -> a > g;
            case "<" -> a < g;
            default -> throw new IllegalStateException(op);
        };
    }

    /** Whether the goal asks for more of the outcome than there is (so its conclusions are wanted, not unwanted). */
    public boolean wantsMore(Outcome now) {
        return Levels.gradeRank(level) > Levels.gradeRank(value(now)) || List.of(">", ">=").contains(op) && !met(now);
    }

    @Override
    public String toString() {
        return field + op + level;
    }
}
