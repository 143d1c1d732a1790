package org.adcckb.facts;

import java.util.List;
import java.util.Locale;

/**
 * An agent scaling surface CD38 on a population by a fold change (above 1 up, below 1 down), with how well
 * its size is known:
 * <ul>
 *   <li>{@code reported}: the source gives the size; the fold is exact;</li>
 *   <li>{@code assumed}: the source gives the direction, the size is assumed; the fold ranges over half to
 *       one and a half times its log2 change (a 2-fold rise: from about 1.4-fold to about 2.8-fold);</li>
 *   <li>{@code unknown}: whether the agent changes CD38 on this population at all is not known; the fold
 *       ranges from no change to one and a half times its log2 change;</li>
 *   <li>{@code selected}: no cell changes its CD38; the agent has removed the cells that carried the most, and the
 *       fold takes the population to what its survivors carry; its range is that of an assumed size, since the
 *       shares removed are the model's.</li>
 * </ul>
 */
public record Cd38Modulation(String cell, @Vocab(Vocab.AGENT) String agent, double fold, String size) implements Fact {

    public static final List<String> SIZES = List.of("reported", "assumed", "unknown", "selected");

    public Cd38Modulation {
        if (!(fold > 0) || Double.isInfinite(fold)) {
            throw new IllegalArgumentException("a CD38 fold change must be a positive number, got " + fold);
        }
        if (!SIZES.contains(size)) {
            throw new IllegalArgumentException("the size of a CD38 fold change must be one of " + SIZES + ", got '" + size + "'");
        }
    }

    /** A fold whose size the source reports. */
    public Cd38Modulation(String cell, String agent, double fold) {
        this(cell, agent, fold, "reported");
    }

    /** The change on the log2 scale that CD38 levels are defined on. */
    public double log2Fold() {
        return Estimate.log2(fold);
    }

    /** The change on the log2 scale with the range its size allows. */
    public Estimate change() {
        double l = log2Fold();
        return switch (size) {
            case "reported" -> Estimate.exactly(l);
            case "assumed", "selected" -> Estimate.of(l, Math.min(l * 0.5, l * 1.5), Math.max(l * 0.5, l * 1.5));
            default -> Estimate.of(l, Math.min(0, l * 1.5), Math.max(0, l * 1.5));
        };
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
        String by = new java.math.BigDecimal(String.format(Locale.ROOT, "%.2f", up() ? fold : 1 / fold))
                .stripTrailingZeros().toPlainString() + "-fold";
        String verb = up() ? " raises" : " lowers";
        return switch (size) {
            case "reported" -> agent + verb + " CD38 on " + cell + " about " + by;
            case "assumed" -> agent + verb + " CD38 on " + cell + ", by an assumed " + by;
            case "selected" -> agent + " has removed the CD38+ cells of " + cell + ": the cells left carry about "
                    + by + (up() ? " more" : " less") + " CD38 than the population did";
            default -> agent + " may" + (up() ? " raise" : " lower") + " CD38 on " + cell
                    + " (unknown; up to about " + by + " assumed)";
        };
    }
}
