package org.adcckb.reasoning;

import java.util.Map;

/**
 * A population after reasoning.
 *
 * @param role         the type's role in the vocabulary: {@code target} or {@code effector}
 * @param carriesCd16  whether the type carries CD16 (its {@code cd16} is then worth reporting)
 * @param cd38Baseline the level the scenario gave
 * @param cd38         surface level after modulation
 * @param cd38Fold     the fold change applied, 1.0 when none
 * @param cd38Score    the log2 score, null without CD38
 * @param binding      antibody to the level of it the population carries
 * @param depletion    the largest loss of an effector population (none for targets)
 */
public record CellState(String id, String type, String role, boolean carriesCd16, String cd16, boolean cd38Knockout, String line,
                        String cd38Baseline, String cd38, double cd38Fold, Double cd38Score,
                        Map<String, String> binding, String depletion) {
}
