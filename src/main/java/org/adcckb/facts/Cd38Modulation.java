package org.adcckb.facts;

import java.util.Locale;

/** An agent scaling surface CD38 on a population by a fold change (above 1 up, below 1 down). */
public record Cd38Modulation(String cell, @Vocab(Vocab.AGENT) String agent, double fold) implements Fact {

    public Cd38Modulation {
        if (!(fold > 0) || Double.isInfinite(fold)) {
            throw new IllegalArgumentException("a CD38 fold change must be a positive number, got " + fold);
        }
    }

    /** The change on the log2 scale that CD38 levels are defined on. */
    public double log2Fold() {
        return Math.log(fold) / Math.log(2);
    }

    public boolean up() {
        return fold > 1;
    }

    @Override
    public String key() {
        return "modulation:" + agent + "@" + cell;
    }

    @Override
    public String describe() {
        return agent + (up() ? " raises" : " lowers") + " CD38 on " + cell + " about "
                + new java.math.BigDecimal(String.format(Locale.ROOT, "%.2f", up() ? fold : 1 / fold))
                        .stripTrailingZeros().toPlainString() + "-fold";
    }
}
