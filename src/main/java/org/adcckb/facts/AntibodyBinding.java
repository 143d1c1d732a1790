package org.adcckb.facts;

/**
 * How much of an antibody a population carries: the CD38 it can reach ({@code none} when the epitope
 * is masked or there is no CD38), as a level and as a load on the CD38 log2 scale with its range.
 *
 * @param maskedBy the agent that masks the epitope, or null
 * @param load     the antibody load on the log2 scale of CD38, with its range (nothing for none)
 */
public record AntibodyBinding(String cell, @Vocab(Vocab.AGENT) String antibody, @Vocab(Vocab.CD38_LEVEL) String level,
                              @Vocab(Vocab.AGENT) String maskedBy, Estimate load,
                              @Vocab(Vocab.CD38_LEVEL) String levelFrom, @Vocab(Vocab.CD38_LEVEL) String levelTo) implements Fact {

    /** The load of an antibody on the CD38 it reaches: the population's surface CD38. */
    public static AntibodyBinding on(Cd38Surface surface, String antibody) {
        return new AntibodyBinding(surface.cell(), antibody, surface.level(), null, surface.estimate(),
                surface.levelFrom(), surface.levelTo());
    }

    /**
     * The load beside a blocker of another epitope: the surface CD38 as the point, the range reaching one band
     * (1.5 on the log2 scale) lower, for the hindrance the blocker may cause.
     */
    public static AntibodyBinding besideBlocker(Cd38Surface surface, String antibody) {
        Estimate e = surface.estimate();
        if (!e.present()) {
            return on(surface, antibody);
        }
        Estimate load = Estimate.of(e.at(), e.from() - 1.5, e.to());
        return new AntibodyBinding(surface.cell(), antibody, surface.level(), null, load,
                Levels.cd38Name(Math.max(1, Levels.cd38Rank(surface.levelFrom()) - 1)), surface.levelTo());
    }

    /** No load: the blocker holds the antibody's epitope. */
    public static AntibodyBinding masked(String cell, String antibody, String blocker) {
        return new AntibodyBinding(cell, antibody, "none", blocker, Estimate.NONE, "none", "none");
    }

    public int rank() {
        return Levels.cd38Rank(level);
    }

    /** Whether the range allows some load, even where the point has none. */
    public boolean possible() {
        return load.possible();
    }

    @Override
    public String key() {
        return "binding:" + antibody + "@" + cell;
    }

    @Override
    public String describe() {
        if (maskedBy != null) {
            return antibody + " cannot bind " + cell + ": " + maskedBy + " masks its epitope";
        }
        String range = levelFrom.equals(levelTo) ? "" : " (" + levelFrom + " to " + levelTo + " within what is known)";
        return "none".equals(level)
                ? antibody + " finds no CD38 to bind on " + cell + range
                : antibody + " binds " + cell + " at a " + level + " level" + range;
    }
}
