package org.adcckb.facts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which vocabulary a fact field's values come from, so that lint can catch a rule that writes
 * {@code agent == "atr"} or {@code level == "hgih"}: a value no scenario or rule can ever produce.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Vocab {

    String AGENT = "agent";
    String CELL_TYPE = "cell type";
    String CD38_LEVEL = "CD38 level";
    String GRADE = "grade";
    String CD16 = "CD16 variant";
    String SETTING = "setting";
    String COURSE = "course";
    String AGENT_ROLE = "agent role";
    String EPITOPE = "epitope";
    String TARGET = "target molecule";
    String OUTCOME_KIND = "outcome kind";

    String value();
}
