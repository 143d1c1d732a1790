package org.adcckb.bench;

/** The one fact of {@link BareDrools}. */
public record Ping(int n) {
}
