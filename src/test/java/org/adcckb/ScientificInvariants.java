package org.adcckb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.adcckb.reasoning.Derivation;
import org.adcckb.report.JsonReport;
import org.adcckb.reasoning.Node;
import org.adcckb.report.TextReport;
import org.adcckb.facts.Agent;
import org.adcckb.facts.Cell;
import org.adcckb.facts.Levels;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.Vocabulary;
import org.adcckb.reasoning.CellState;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.reasoning.Reasoner;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.ScenarioReader;
import org.adcckb.scenario.Treatment;

/**
 * Scientific invariants: what must hold for every scenario, whatever its populations and treatments.
 * Each is a function from a scenario to its violations (empty when it holds), so that the same checks
 * run on generated scenarios ({@link ScientificInvariantsProperties}) and on the kept regression scenarios
 * ({@link RegressionScenariosTest}).
 *
 * <p>Nothing here names an agent or a cell type: raisers, blockers, Fc antibodies, targets, effectors and
 * the types that carry CD16 are read from the knowledge base, so the invariants keep testing a knowledge
 * base that gains agents or cell types.
 */
final class ScientificInvariants {

    /** One invariant: its name (after the biology it protects) and its check. */
    record Invariant(String name, Function<Scenario, List<String>> check) {
        List<String> violations(Scenario s) {
            return check.apply(s);
        }
    }

    private final KnowledgeBase kb;
    private final Vocabulary vocabulary;
    private final Reasoner reasoner;
    private final ScenarioReader reader;
    private final Map<String, List<String>> raisers = new ConcurrentHashMap<>();

    ScientificInvariants(KnowledgeBase kb) {
        this.kb = kb;
        this.vocabulary = kb.vocabulary();
        this.reasoner = new Reasoner(kb);
        this.reader = new ScenarioReader(vocabulary);
    }

    List<Invariant> all() {
        return List.of(
                new Invariant("raisingTargetCd38NeverLowersAdcc", this::raisingTargetCd38NeverLowersAdcc),
                new Invariant("moreCd38OnTargetsNeverLowersAdcc", this::moreCd38OnTargetsNeverLowersAdcc),
                new Invariant("moreCd38OnEffectorsNeverLowersFratricide", this::moreCd38OnEffectorsNeverLowersFratricide),
                new Invariant("moreCd38OnEffectorsNeverRaisesAdcc", this::moreCd38OnEffectorsNeverRaisesAdcc),
                new Invariant("maskingEffectorCd38NeverRaisesFratricide", this::maskingEffectorCd38NeverRaisesFratricide),
                new Invariant("maskingEffectorCd38NeverLowersAdcc", this::maskingEffectorCd38NeverLowersAdcc),
                new Invariant("higherAffinityCd16NeverLowersAdccOrFratricide", this::higherAffinityCd16NeverLowersAdccOrFratricide),
                new Invariant("aCd38KnockoutNeverCarriesCd38", this::aCd38KnockoutNeverCarriesCd38),
                new Invariant("withoutAnFcAntibodyThereIsNoAdccNorFratricide", this::withoutAnFcAntibodyThereIsNoAdccNorFratricide),
                new Invariant("withoutCd16OnEffectorsThereIsNoAdccNorFratricide", this::withoutCd16OnEffectorsThereIsNoAdccNorFratricide),
                new Invariant("theOrderOfCellsAndTreatmentsNeverChangesTheAnswer", this::theOrderOfCellsAndTreatmentsNeverChangesTheAnswer),
                new Invariant("everyConclusionTracesBackToTheScenario", this::everyConclusionTracesBackToTheScenario),
                new Invariant("evaluationIsDeterministic", this::evaluationIsDeterministic));
    }

    Invariant named(String name) {
        return all().stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no invariant " + name));
    }

    // ---------------------------------------------------------------------------------------------
    // What the knowledge base declares

    /**
     * The agents that raise CD38 on a population of this type in this setting, found by evaluating: one
     * CD38-medium population pre-incubated with the agent, fold above 1. Daratumumab, which lowers myeloma
     * CD38 in vivo (Nijhof 2016), is thereby no raiser; ATRA and IFN-alpha are (Lejeune 2021).
     */
    List<String> raisers(String cellType, String setting) {
        return raisers.computeIfAbsent(cellType + "|" + setting, k -> {
            List<String> out = new ArrayList<>();
            for (String agent : vocabulary.agentNames()) {
                Cell probe = new Cell("probe", cellType, "medium", "none", false, null);
                Scenario s = new Scenario("raiser-probe", null, setting, List.of(probe),
                        List.of(new Treatment(agent, "probe")), null, "raiser-probe", vocabulary);
                if (quick(s).cells().get("probe").cd38Fold() > 1.0) {
                    out.add(agent);
                }
            }
            return List.copyOf(out);
        });
    }

    /** Blockers that compete with an Fc antibody for its epitope: masking effector CD38 keeps that antibody off. */
    List<String> blockers() {
        Set<String> fcEpitopes = new TreeSet<>();
        vocabulary.agents().values().stream().filter(ScientificInvariants::isFcAntibody)
                .map(Agent::epitope).filter(Objects::nonNull).forEach(fcEpitopes::add);
        return vocabulary.agents().values().stream()
                .filter(a -> "blocker".equals(a.role()) && fcEpitopes.contains(a.epitope()))
                .map(Agent::name).toList();
    }

    static boolean isFcAntibody(Agent a) {
        return "antibody".equals(a.role()) && a.fc();
    }

    // ---------------------------------------------------------------------------------------------
    // The invariants

    /**
     * ADCC rises with target CD38 (Nijhof 2015; Lejeune 2021: ATRA and IFN-alpha pre-incubation made
     * CD38-low myeloma susceptible; docs/LITERATURE.md R2). So pre-incubating a target population with an agent
     * that raises its CD38 never lowers ADCC, neither the outcome nor the ADCC of any effector against any
     * target, and never lowers that population's CD38.
     *
     * <p>Precondition, with its biology: the raiser is given on the target population ({@code on}), not in
     * the whole system. In the system it would reach the NK cells too, where ATRA raises CD38 on wild-type
     * NK cells (Naeimi Kararoudi 2020; the direction is RECALL in docs/LITERATURE.md, U7) and so could raise fratricide and
     * lower ADCC. The rules do not model modulators on NK cells (MODEL.md, Known limitations), so a
     * system-wide raiser would pass here today only for that reason.
     */
    List<String> raisingTargetCd38NeverLowersAdcc(Scenario s) {
        List<String> out = new ArrayList<>();
        Evaluation before = quick(s);
        for (Cell p : s.cells()) {
            if (!vocabulary.isTarget(p.type())) {
                continue;
            }
            for (String raiser : raisers(p.type(), s.setting())) {
                Treatment t = new Treatment(raiser, p.id());
                if (s.treatments().contains(t)) {
                    continue;
                }
                Evaluation after = quick(withTreatment(s, t));
                String edit = "adding " + t;
                adccNotLower(edit, before, after, out);
                CellState b = before.cells().get(p.id());
                CellState a = after.cells().get(p.id());
                if (Levels.cd38Rank(a.cd38()) < Levels.cd38Rank(b.cd38()) || a.cd38Fold() < b.cd38Fold() - 1e-9) {
                    out.add(edit + " lowered CD38 of " + p.id() + ": " + b.cd38() + " x" + b.cd38Fold()
                            + " -> " + a.cd38() + " x" + a.cd38Fold());
                }
            }
        }
        return out;
    }

    /**
     * The same dose-response from the baseline: a target population with one CD38 level more (a CD38-higher
     * line, Lejeune 2021 L02; Nijhof 2015) never gives less ADCC. Knockouts are left out: they have no
     * CD38 to raise.
     */
    List<String> moreCd38OnTargetsNeverLowersAdcc(Scenario s) {
        List<String> out = new ArrayList<>();
        Evaluation before = quick(s);
        for (Cell p : s.cells()) {
            if (!vocabulary.isTarget(p.type()) || p.cd38Knockout() || p.cd38Rank() >= Levels.CD38.size() - 1) {
                continue;
            }
            String higher = Levels.cd38Name(p.cd38Rank() + 1);
            Cell q = new Cell(p.id(), p.type(), higher, p.cd16(), false, p.line());
            adccNotLower("setting " + p.id() + ".cd38 from " + p.cd38() + " to " + higher, before, quick(withCell(s, q)), out);
        }
        return out;
    }

    /**
     * Fratricide rises with the CD38 of the NK cells the antibody coats (Lejeune 2021 L04; Wang 2018;
     * docs/LITERATURE.md R3): an effector population with one CD38 level more never lowers fratricide, overall or
     * between any two populations, nor NK depletion. Knockouts are left out: they have no CD38 to raise.
     */
    List<String> moreCd38OnEffectorsNeverLowersFratricide(Scenario s) {
        List<String> out = new ArrayList<>();
        Evaluation before = quick(s);
        boolean selected = selectedByTreatment(s);
        effectorsWithMoreCd38(s).forEach((edit, variant) -> {
            Evaluation after = quick(variant);
            if (!selected) {
                notLower(edit, "fratricide", before.outcome().get("fratricide"), after.outcome().get("fratricide"), out);
            }
            notLower(edit, "NK depletion", before.outcome().get("nkDepletion"), after.outcome().get("nkDepletion"), out);
            Map<String, String> a = levels(after, "Fratricide");
            if (!selected) {
                levels(before, "Fratricide").forEach((key, level) -> notLower(edit, key, level, a.getOrDefault(key, "none"), out));
            }
        });
        return out;
    }

    /**
     * Whether the scenario is a patient on continued treatment (or refractory to it), where the antibody has
     * already removed the CD38+ NK cells: more CD38 before treatment means more of them lost and survivors with
     * less CD38 (Wang 2018; Viola 2021), so fratricide among the survivors, and the ADCC it costs, may go either
     * way. The invariants of the CD38 balance hold before that selection (in vitro, at the first dose).
     */
    private static boolean selectedByTreatment(Scenario s) {
        return "in_vivo".equals(s.setting()) && s.course() != null
                && (s.course().name().equals("on_treatment") || s.course().name().equals("refractory"));
    }

    /**
     * ADCC depends on the balance of CD38 on target and effector: CD38-higher NK cells kill the same
     * target less (Lejeune 2021 L05; Wang 2018: CD38-/low NK cells killed myeloma better under
     * daratumumab). So an effector population with one CD38 level more never raises ADCC, overall or of
     * any effector against any target.
     *
     * <p>What this leaves out on purpose: CD38 on NK cells also marks the activated, effector-competent
     * ones and is needed for daratumumab's immunomodulation (Viola 2021). The rules, like Lejeune, grade
     * only the fratricide side of effector CD38, so this invariant protects L05, not a general law.
     */
    List<String> moreCd38OnEffectorsNeverRaisesAdcc(Scenario s) {
        List<String> out = new ArrayList<>();
        if (selectedByTreatment(s)) {
            return out;
        }
        Evaluation before = quick(s);
        effectorsWithMoreCd38(s).forEach((edit, variant) -> {
            Evaluation after = quick(variant);
            notHigher(edit, "ADCC", before.outcome().get("adcc"), after.outcome().get("adcc"), out);
            Map<String, String> b = levels(before, "Adcc");
            levels(after, "Adcc").forEach((key, level) -> notHigher(edit, key, b.getOrDefault(key, "none"), level, out));
        });
        return out;
    }

    /** Each effector population that is no knockout and not CD38-high, one level higher: edit to scenario. */
    private Map<String, Scenario> effectorsWithMoreCd38(Scenario s) {
        Map<String, Scenario> out = new LinkedHashMap<>();
        for (Cell e : s.cells()) {
            if (!vocabulary.isEffector(e.type()) || e.cd38Knockout() || e.cd38Rank() >= Levels.CD38.size() - 1) {
                continue;
            }
            String higher = Levels.cd38Name(e.cd38Rank() + 1);
            out.put("setting " + e.id() + ".cd38 from " + e.cd38() + " to " + higher,
                    withCell(s, new Cell(e.id(), e.type(), higher, e.cd16(), false, e.line())));
        }
        return out;
    }

    /**
     * A blocker of the antibody's epitope on NK cells keeps the antibody off them (Lejeune 2021 L11; Wang
     * 2018 with DARA F(ab')2), so pre-incubating any effector population with it never raises fratricide
     * (L12), neither overall nor between any two populations, nor the loss of NK cells that follows.
     */
    List<String> maskingEffectorCd38NeverRaisesFratricide(Scenario s) {
        List<String> out = new ArrayList<>();
        Evaluation before = quick(s);
        for (Treatment t : maskings(s)) {
            Evaluation after = quick(withTreatment(s, t));
            String edit = "adding " + t;
            notHigher(edit, "fratricide", before.outcome().get("fratricide"), after.outcome().get("fratricide"), out);
            notHigher(edit, "NK depletion", before.outcome().get("nkDepletion"), after.outcome().get("nkDepletion"), out);
            Map<String, String> b = levels(before, "Fratricide");
            levels(after, "Fratricide").forEach((key, level) ->
                    notHigher(edit, key, b.getOrDefault(key, "none"), level, out));
        }
        return out;
    }

    /**
     * Masking effector CD38 restores target killing (Lejeune 2021 L13; docs/LITERATURE.md R6: ADCC up): it never
     * lowers ADCC, overall or of any effector against any target.
     *
     * <p>Precondition, with its biology: the blocker is given on the effector population. Given in the
     * whole system it masks the targets' epitope too, and ADCC falls to none (docs/LITERATURE.md R6, INFER), as it
     * should.
     */
    List<String> maskingEffectorCd38NeverLowersAdcc(Scenario s) {
        List<String> out = new ArrayList<>();
        Evaluation before = quick(s);
        for (Treatment t : maskings(s)) {
            adccNotLower("adding " + t, before, quick(withTreatment(s, t)), out);
        }
        return out;
    }

    /** Every blocker on every effector population, where the scenario does not give it already. */
    private List<Treatment> maskings(Scenario s) {
        List<Treatment> out = new ArrayList<>();
        for (Cell e : s.cells()) {
            if (!vocabulary.isEffector(e.type())) {
                continue;
            }
            for (String b : blockers()) {
                Treatment t = new Treatment(b, e.id());
                if (!s.treatments().contains(t)) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /**
     * CD16 affinity orders ADCC and fratricide: none below 158F below 158V (Koene 1997: FcgRIIIa-158V binds
     * IgG1 better; docs/LITERATURE.md R7). An effector population whose CD16 is one step stronger never gives less
     * fratricide, overall or between any two populations, and never less ADCC where no fratricide competes with
     * it: where it does, the stronger CD16 strengthens the fratricide too, and the balance (Lejeune 2021) may go
     * either way.
     */
    List<String> higherAffinityCd16NeverLowersAdccOrFratricide(Scenario s) {
        List<String> out = new ArrayList<>();
        Evaluation before = quick(s);
        for (Cell e : s.cells()) {
            int rank = Levels.CD16.indexOf(e.cd16());
            if (!vocabulary.carriesCd16(e.type()) || rank >= Levels.CD16.size() - 1) {
                continue;
            }
            String stronger = Levels.CD16.get(rank + 1);
            String edit = "setting " + e.id() + ".cd16 from " + e.cd16() + " to " + stronger;
            Evaluation after = quick(withCell(s, new Cell(e.id(), e.type(), e.cd38(), stronger, e.cd38Knockout(), e.line(), e.subsets())));
            if ("none".equals(before.outcome().get("fratricide")) && "none".equals(after.outcome().get("fratricide"))) {
                adccNotLower(edit, before, after, out);
            }
            notLower(edit, "fratricide", before.outcome().get("fratricide"), after.outcome().get("fratricide"), out);
            Map<String, String> a = levels(after, "Fratricide");
            levels(before, "Fratricide").forEach((key, level) -> notLower(edit, key, level, a.getOrDefault(key, "none"), out));
        }
        return out;
    }

    /**
     * A CD38 knockout has no CD38 whatever is added (Naeimi Kararoudi 2020: CD38-KO NK cells bound no
     * daratumumab and were completely resistant to fratricide): after the scenario as given, with each
     * agent added in the system or on the knockout, and with all of them at once, every knockout population
     * has CD38 none, fold 1.0, no score, no antibody bound above none, is no fratricide victim and is not
     * depleted.
     */
    List<String> aCd38KnockoutNeverCarriesCd38(Scenario s) {
        List<Cell> knockouts = s.cells().stream().filter(Cell::cd38Knockout).toList();
        if (knockouts.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        List<Treatment> candidates = new ArrayList<>();
        for (String agent : vocabulary.agentNames()) {
            candidates.add(new Treatment(agent, null));
            knockouts.forEach(k -> candidates.add(new Treatment(agent, k.id())));
        }
        candidates.removeAll(s.treatments());
        Map<String, Scenario> variants = new LinkedHashMap<>();
        variants.put("as given", s);
        candidates.forEach(t -> variants.put("with " + t, withTreatments(s, List.of(t))));
        variants.put("with everything added", withTreatments(s, candidates));
        variants.forEach((what, v) -> {
            // With the explanation: the fratricide check below reads the conclusions, which only it lists.
            Evaluation ev = explained(v);
            for (Cell k : knockouts) {
                CellState c = ev.cells().get(k.id());
                String where = "knockout " + k.id() + " " + what + ": ";
                if (!"none".equals(c.cd38()) || c.cd38Fold() != 1.0 || c.cd38Score() != null) {
                    out.add(where + "CD38 " + c.cd38() + " x" + c.cd38Fold() + " score " + c.cd38Score());
                }
                c.binding().forEach((ab, level) -> {
                    if (!"none".equals(level)) {
                        out.add(where + ab + " bound " + level);
                    }
                });
                if (!"none".equals(c.depletion())) {
                    out.add(where + "depleted " + c.depletion());
                }
                facts(ev, "Fratricide").stream().filter(f -> k.id().equals(f.data().get("victim")))
                        .forEach(f -> out.add(where + "victim of " + f.key()));
            }
        });
        return out;
    }

    /**
     * ADCC and fratricide are antibody-dependent: without an antibody whose Fc CD16 can engage there is
     * neither (docs/LITERATURE.md R1 and R3; Lejeune 2021 L14 "no DARA: no fratricide"), and no NK cells are lost
     * to an antibody either (R9 needs the antibody). Every Fc antibody is removed from the scenario, in the
     * system and on populations alike.
     */
    List<String> withoutAnFcAntibodyThereIsNoAdccNorFratricide(Scenario s) {
        List<Treatment> kept = s.treatments().stream()
                .filter(t -> !isFcAntibody(vocabulary.agents().get(t.agent()))).toList();
        Scenario without = new Scenario(s.id(), s.title(), s.setting(), s.course(), s.cells(), kept, null, s.origin());
        List<String> out = new ArrayList<>();
        Evaluation ev = quick(without);
        String what = "without " + (s.treatments().size() - kept.size()) + " Fc-antibody treatment(s)";
        expectNone(what, "ADCC", ev.outcome().get("adcc"), out);
        expectNone(what, "fratricide", ev.outcome().get("fratricide"), out);
        expectNone(what, "NK depletion", ev.outcome().get("nkDepletion"), out);
        return out;
    }

    /**
     * ADCC and fratricide are mediated by CD16 (FcgRIIIa) on the NK cells (docs/LITERATURE.md R1, R3, R7): with
     * CD16 set to none on every population whose type carries it, there is neither.
     *
     * <p>NK depletion is deliberately not required to vanish: in patients daratumumab depletes the CD38+
     * NK cells it coats (Nahi 2019; Wang 2018) whatever the scenario's own effectors carry, and the rules
     * grade that loss without CD16 (MODEL.md section 4).
     */
    List<String> withoutCd16OnEffectorsThereIsNoAdccNorFratricide(Scenario s) {
        List<Cell> cells = s.cells().stream().map(c -> vocabulary.carriesCd16(c.type())
                ? new Cell(c.id(), c.type(), c.cd38(), "none", c.cd38Knockout(), c.line(), c.subsets()) : c).toList();
        Evaluation ev = quick(new Scenario(s.id(), s.title(), s.setting(), s.course(), cells, s.treatments(), null, s.origin()));
        List<String> out = new ArrayList<>();
        expectNone("with CD16 none on every population", "ADCC", ev.outcome().get("adcc"), out);
        expectNone("with CD16 none on every population", "fratricide", ev.outcome().get("fratricide"), out);
        return out;
    }

    /**
     * An answer depends on what is in the experiment, not on how it is written down: the scenario's JSON
     * with its cells, treatments and fields in other orders, read back by {@link ScenarioReader}, gives the
     * same JSON report and text report, byte for byte, as the scenario itself. Three orders per scenario,
     * from a seed that depends on the scenario (so a shrunk failure replays).
     */
    List<String> theOrderOfCellsAndTreatmentsNeverChangesTheAnswer(Scenario s) {
        String expected = render(explained(s));
        List<String> out = new ArrayList<>();
        Random random = new Random(s.toString().hashCode());
        for (int round = 0; round < 3; round++) {
            List<Cell> cells = new ArrayList<>(s.cells());
            List<Treatment> treatments = new ArrayList<>(s.treatments());
            Collections.shuffle(cells, random);
            Collections.shuffle(treatments, random);
            var json = ScenarioJson.toJson(s, cells, treatments, vocabulary);
            byte[] text = ScenarioJson.bytes(ScenarioJson.reorderFields(json, random));
            Scenario read = reader.read(text, "shuffled.json");
            String got = render(explained(read));
            if (!got.equals(expected)) {
                out.add("written as " + new String(text, java.nio.charset.StandardCharsets.UTF_8)
                        + " the answer differs at character " + firstDifference(expected, got));
            }
        }
        return out;
    }

    /**
     * Every conclusion can be justified down to the experiment: each derived fact has at least one live
     * derivation, each premise it names is a fact of the explanation, and the input facts behind it include
     * a cell population, in particular every population the conclusion is about.
     */
    List<String> everyConclusionTracesBackToTheScenario(Scenario s) {
        Evaluation ev = explained(s);
        Map<String, Node> nodes = ev.explanation().byKey();
        List<String> out = new ArrayList<>();
        for (Node n : ev.explanation().nodes()) {
            if (n.input()) {
                continue;
            }
            if (n.derivations().isEmpty()) {
                out.add(n.key() + " has no derivation");
            }
            for (Derivation d : n.derivations()) {
                for (String p : d.premises()) {
                    if (!nodes.containsKey(p)) {
                        out.add(n.key() + " (rule \"" + d.rule().name() + "\") names premise " + p + ", which is no fact");
                    }
                }
            }
            Set<String> inputs = ev.explanation().inputsBehind(n.key());
            if (inputs.stream().noneMatch(k -> k.startsWith("cell:"))) {
                out.add(n.key() + " rests on no cell population: " + inputs);
            }
            for (String field : List.of("cell", "target", "effector", "killer", "victim")) {
                Object id = n.data().get(field);
                if (id != null && !inputs.contains("cell:" + id)) {
                    out.add(n.key() + " is about " + field + " " + id + " but does not rest on cell:" + id);
                }
            }
        }
        ev.explanation().outcomeSupport().forEach((field, keys) -> keys.forEach(k -> {
            if (!nodes.containsKey(k)) {
                out.add("outcome " + field + " cites " + k + ", which is no fact");
            }
        }));
        return out;
    }

    /**
     * Same scenario, same answer: two evaluations give byte-identical JSON and text, and evaluating without
     * recording the explanation (as sweeps and why-not do) gives the same outcome and cells.
     */
    List<String> evaluationIsDeterministic(Scenario s) {
        List<String> out = new ArrayList<>();
        Evaluation first = explained(s);
        String a = render(first);
        String b = render(explained(s));
        if (!a.equals(b)) {
            out.add("two evaluations differ at character " + firstDifference(a, b));
        }
        Evaluation quick = quick(s);
        if (!quick.outcome().equals(first.outcome())) {
            out.add("without explanation the outcome is " + quick.outcome() + ", with it " + first.outcome());
        }
        if (!quick.cells().equals(first.cells())) {
            out.add("without explanation the cells are " + quick.cells() + ", with it " + first.cells());
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    Evaluation quick(Scenario s) {
        return reasoner.evaluateWithoutExplanation(s);
    }

    Evaluation explained(Scenario s) {
        return reasoner.evaluate(s);
    }

    String render(Evaluation ev) {
        return JsonReport.compact(JsonReport.toJson(ev, kb.fingerprint())) + "\n" + TextReport.render(ev);
    }

    private static Scenario withTreatment(Scenario s, Treatment t) {
        return withTreatments(s, List.of(t));
    }

    private static Scenario withTreatments(Scenario s, List<Treatment> added) {
        List<Treatment> ts = new ArrayList<>(s.treatments());
        added.stream().filter(t -> !ts.contains(t)).forEach(ts::add);
        return new Scenario(s.id(), s.title(), s.setting(), s.course(), s.cells(), ts, null, s.origin());
    }

    private static Scenario withCell(Scenario s, Cell replacement) {
        List<Cell> cells = s.cells().stream().map(c -> c.id().equals(replacement.id()) ? replacement : c).toList();
        return new Scenario(s.id(), s.title(), s.setting(), s.course(), cells, s.treatments(), null, s.origin());
    }

    private static List<Node> facts(Evaluation ev, String type) {
        return ev.explanation().nodes().stream().filter(n -> n.type().equals(type)).toList();
    }

    /** Key to grade of every fact of a type that carries a level. */
    private static Map<String, String> levels(Evaluation ev, String type) {
        Map<String, String> out = new LinkedHashMap<>();
        facts(ev, type).forEach(n -> out.put(n.key(), String.valueOf(n.data().get("level"))));
        return out;
    }

    /** The ADCC outcome and the ADCC of every (effector, target, antibody) did not fall. */
    private static void adccNotLower(String edit, Evaluation before, Evaluation after, List<String> out) {
        notLower(edit, "ADCC", before.outcome().get("adcc"), after.outcome().get("adcc"), out);
        Map<String, String> a = levels(after, "Adcc");
        levels(before, "Adcc").forEach((key, level) -> notLower(edit, key, level, a.getOrDefault(key, "none"), out));
    }

    private static void notLower(String edit, String what, String before, String after, List<String> out) {
        if (Levels.gradeRank(after) < Levels.gradeRank(before)) {
            out.add(edit + " lowered " + what + " from " + before + " to " + after);
        }
    }

    private static void notHigher(String edit, String what, String before, String after, List<String> out) {
        if (Levels.gradeRank(after) > Levels.gradeRank(before)) {
            out.add(edit + " raised " + what + " from " + before + " to " + after);
        }
    }

    private static void expectNone(String what, String outcome, String level, List<String> out) {
        if (!"none".equals(level)) {
            out.add(what + ": " + outcome + " is " + level + ", expected none");
        }
    }

    private static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return n;
    }
}
