package org.adcckb.input;

/**
 * What adcc-kb will read before it refuses input as beyond reason: a scenario (or a batch line) of more
 * than {@code maxBytes}, JSON nested deeper than {@code maxDepth}, a string longer than
 * {@code maxString} characters, more than {@code maxCells} populations or {@code maxTreatments}
 * treatments. The defaults are far above any real experiment and far below what could exhaust memory
 * or time; every command that reads scenarios can change them.
 */
public record Limits(int maxBytes, int maxDepth, int maxString, int maxCells, int maxTreatments) {

    public static final Limits DEFAULT = new Limits(1 << 20, 32, 4096, 64, 256);

    public Limits {
        if (maxBytes < 1 || maxDepth < 2 || maxString < 1 || maxCells < 1 || maxTreatments < 0) {
            throw new IllegalArgumentException("input limits must be positive");
        }
    }
}
