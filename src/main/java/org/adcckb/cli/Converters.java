package org.adcckb.cli;

import java.util.List;
import java.util.function.Function;
import org.adcckb.input.InputException;
import org.adcckb.scenario.Edit;
import org.adcckb.whatif.Factor;
import org.adcckb.whatif.Goal;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Picocli converters from an option's text to the domain value it names, so that a command receives
 * values, not text to pick apart. They check only what the text itself says: what depends on the scenario
 * or the knowledge base (an unknown agent or cell) is only known once {@code --rules} and the scenario are
 * read, and is checked by the command when it applies the value.
 */
final class Converters {

    private Converters() {
    }

    /**
     * A value its option refuses. Its message is the whole line the user sees after {@code adcc: }, the same
     * as when the command itself refuses input, so {@link Main} prints it alone, without picocli's
     * "Invalid value for option" prefix and the usage text, and exits 2.
     */
    static final class OptionValueException extends TypeConversionException {
        private final InputException input;

        OptionValueException(InputException input) {
            super(input.getMessage());
            this.input = input;
        }

        /** What the domain parser refused, for {@code --debug}. */
        InputException input() {
            return input;
        }
    }

    private static <T> T convert(String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (InputException e) {
            throw new OptionValueException(e);
        }
    }

    /** {@code --goal FIELD(=|>=|<=|>|<)LEVEL}: form and grade here; the command checks FIELD against the vocabulary. */
    static final class GoalConverter implements ITypeConverter<Goal> {
        @Override
        public Goal convert(String text) {
            return Converters.convert(text, Goal::syntax);
        }
    }

    /** {@code --add AGENT[@CELL]}. */
    static final class AddConverter implements ITypeConverter<Edit> {
        @Override
        public Edit convert(String text) {
            return Converters.convert(text, Edit::add);
        }
    }

    /** {@code --remove AGENT[@CELL]}. */
    static final class RemoveConverter implements ITypeConverter<Edit> {
        @Override
        public Edit convert(String text) {
            return Converters.convert(text, Edit::remove);
        }
    }

    /** {@code --set CELL.FIELD=VALUE}, {@code --set setting=VALUE} or {@code --set course=VALUE}. */
    static final class SetConverter implements ITypeConverter<Edit> {
        @Override
        public Edit convert(String text) {
            return Converters.convert(text, Edit::set);
        }
    }

    /**
     * The factors one {@code --vary} value names. One value is converted whole rather than split by picocli:
     * a value that names no factor ({@code --vary ,}) is refused with its own text, which a split into items
     * would lose, and items are split on every comma, as picocli's split would not inside quotes.
     */
    record Factors(List<Factor> list) {
    }

    /** {@code --vary AGENT[@CELL],...} or {@code --vary CELL.FIELD=v1|v2|...}. */
    static final class FactorsConverter implements ITypeConverter<Factors> {
        @Override
        public Factors convert(String text) {
            return new Factors(Converters.convert(text, Factor::parse));
        }
    }
}
