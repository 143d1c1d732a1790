package org.adcckb.scenario;

/**
 * An agent given in the scenario: pre-incubated on one population and washed ({@code on} names it),
 * or present in the whole system ({@code on} is null).
 */
public record Treatment(String agent, String on) implements Comparable<Treatment> {

    public Treatment {
        java.util.Objects.requireNonNull(agent, "a treatment needs an agent (null given)");
    }

    /** {@code agent} or {@code agent@cell}, the form the command line uses. */
    @Override
    public String toString() {
        return on == null ? agent : agent + "@" + on;
    }

    @Override
    public int compareTo(Treatment o) {
        return toString().compareTo(o.toString());
    }
}
