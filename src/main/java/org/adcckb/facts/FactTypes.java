package org.adcckb.facts;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The fact types rules can match and conclude, so tools that read rules can tell a fact type from another word. */
public final class FactTypes {

    public static final List<Class<? extends Fact>> ALL = List.of(
            Cell.class, Cd38Subset.class, Exposure.class, Agent.class, Setting.class, Cd38Scale.class, GradeScale.class,
            Cd38Modulation.class, Cd38Surface.class, EpitopeMasked.class, AntibodyBinding.class,
            Fratricide.class, NkDepletion.class, AdccEngagement.class, AdccModifier.class, Adcc.class, Effect.class, Survivors.class, AntibodyCleared.class);

    public static final Set<String> NAMES = ALL.stream().map(Class::getSimpleName).collect(Collectors.toUnmodifiableSet());

    /** The types that come from the scenario and the vocabulary, never from a rule. */
    public static final Set<String> INPUTS = Set.of("Cell", "Cd38Subset", "Exposure", "Agent", "Setting", "Cd38Scale", "GradeScale");

    /**
     * The inputs that come from the vocabulary, the same in every session of a knowledge base; an
     * explanation shows them only where a derivation rests on them.
     */
    public static final Set<String> VOCABULARY = Set.of("Agent", "Cd38Scale", "GradeScale");

    private FactTypes() {
    }
}
