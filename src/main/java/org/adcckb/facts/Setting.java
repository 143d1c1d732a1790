package org.adcckb.facts;

/**
 * Where the scenario plays: {@code in_vitro} (a cell assay) or {@code in_vivo} (a patient or an animal),
 * and, in vivo, the course of treatment the patient is on (a course the vocabulary declares:
 * {@code first_dose}, {@code on_treatment}, {@code refractory}, {@code after_stop} in the shipped one).
 * Rules match it as {@code Setting( inVivo )}, {@code Setting( inVitro )} or
 * {@code Setting( inVivo, course == "refractory" )}.
 *
 * @param name   {@code in_vitro} or {@code in_vivo}
 * @param course the course of treatment in vivo, never null there; null in vitro
 */
public record Setting(@Vocab(Vocab.SETTING) String name, @Vocab(Vocab.COURSE) String course) implements Fact {

    public Setting {
        if ("in_vivo".equals(name) == (course == null)) {
            throw new IllegalArgumentException(course == null ? "an in vivo setting needs a course"
                    : "course applies only to in_vivo scenarios, not to " + name);
        }
    }

    public boolean inVivo() {
        return "in_vivo".equals(name);
    }

    public boolean inVitro() {
        return !inVivo();
    }

    @Override
    public String key() {
        return "setting:" + name;
    }

    @Override
    public String describe() {
        return inVivo() ? "the scenario is in vivo, course: " + course.replace('_', ' ') : "the scenario is in vitro";
    }

    @Override
    public boolean isInput() {
        return true;
    }
}
