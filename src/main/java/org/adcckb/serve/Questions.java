package org.adcckb.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.adcckb.AdccKb;
import org.adcckb.report.JsonReport;
import org.adcckb.report.SweepReport;
import org.adcckb.report.WhatIfReport;
import org.adcckb.report.WhyNotReport;
import org.adcckb.report.graph.GraphSvg;
import org.adcckb.report.graph.HtmlReport;
import org.adcckb.input.InputException;
import org.adcckb.input.JsonInput;
import org.adcckb.input.JsonInput.Obj;
import org.adcckb.input.JsonInput.Value;
import org.adcckb.input.Limits;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.scenario.Edit;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.ScenarioReader;
import org.adcckb.whatif.Budget;
import org.adcckb.whatif.BudgetException;
import org.adcckb.whatif.Factor;
import org.adcckb.whatif.Goal;
import org.adcckb.whatif.Sweep;

/**
 * The questions of the command line, asked over HTTP: the same readers, the same validation and the same
 * JSON as {@code explain}, {@code whatif}, {@code sweep} and {@code whynot} with {@code --format json}.
 * Only the scenario comes from the request; the rules are always the server's. Every question runs within
 * the server's {@link Budget}, which a request may lower but not raise; one over it is answered 422.
 */
final class Questions {

    /** Where a scenario nested in a request object is named in messages. */
    static final String NESTED = "scenario of the request body";

    /** The bounds a request's {@code "budget"} may name, per question: what-if evaluates two scenarios, so only its time. */
    private static final List<String> WHATIF_BOUNDS = List.of("maxMillis");
    private static final List<String> SWEEP_BOUNDS = List.of("maxCombinations", "maxMillis");
    private static final List<String> WHYNOT_BOUNDS = List.of("maxCombinations", "maxMillis", "maxSolutions");

    private final LiveKnowledge knowledge;
    private final ScenarioCatalog catalog;
    private final Limits limits;
    private final Budget ceiling;

    /** @param ceiling the most any question may cost; a request's own {@code "budget"} may only lower it */
    Questions(LiveKnowledge knowledge, ScenarioCatalog catalog, Limits limits, Budget ceiling) {
        this.knowledge = knowledge;
        this.catalog = catalog;
        this.limits = limits;
        this.ceiling = ceiling;
    }

    /** POST /api/evaluate: the scenario is the body; the answer is explain's JSON plus the graph. */
    void evaluate(HttpExchange ex) throws IOException {
        AdccKb kb = knowledge.require();
        Scenario s = reader(kb).read(Exchanges.body(ex, limits.maxBytes()), Exchanges.BODY);
        Evaluation ev = kb.evaluate(s);
        ObjectNode out = JsonReport.toJson(ev, kb.knowledgeBase().fingerprint());
        out.put("graph", GraphSvg.render(ev));
        Exchanges.json(ex, 200, out);
    }

    /**
     * POST /api/whatif: {"scenario": {...}, "remove": [...], "add": [...], "set": [...], "budget": {"maxMillis": MS}},
     * the edits applied in that order.
     */
    void whatIf(HttpExchange ex) throws IOException {
        AdccKb kb = knowledge.require();
        Obj req = request(ex, List.of("scenario", "remove", "add", "set", "budget"));
        Scenario s = scenario(kb, req);
        Budget budget = budget(req, WHATIF_BOUNDS);
        List<Edit> edits = new ArrayList<>();
        edits(req, "remove", Edit::remove, edits);
        edits(req, "add", Edit::add, edits);
        edits(req, "set", Edit::set, edits);
        if (edits.isEmpty()) {
            throw new InputException(Exchanges.BODY, "$", "give at least one edit: \"add\", \"remove\" or \"set\", "
                    + "each a list of strings as on the command line (\"atra@mm\", \"nk.cd38=low\")");
        }
        Exchanges.json(ex, 200, WhatIfReport.toJson(within(() -> kb.whatIf(s, edits, budget)), kb.knowledgeBase().fingerprint()));
    }

    /**
     * POST /api/sweep: {"scenario": {...}, "vary": ["atra@mm,cd38_nanobody@nk", "nk.cd38=low|high"],
     * "budget": {"maxCombinations": N, "maxMillis": MS}}.
     */
    void sweep(HttpExchange ex) throws IOException {
        AdccKb kb = knowledge.require();
        Obj req = request(ex, List.of("scenario", "vary", "budget"));
        Scenario s = scenario(kb, req);
        Budget budget = budget(req, SWEEP_BOUNDS);
        List<String> vary = strings(req, "vary");
        if (vary.isEmpty()) {
            throw req.has("vary") ? req.get("vary").error("is empty; give a list such as [\"atra@mm,cd38_nanobody@nk\"]")
                    : req.error("missing required field 'vary': a list such as [\"atra@mm,cd38_nanobody@nk\"]");
        }
        List<Factor> factors = new ArrayList<>();
        for (int i = 0; i < vary.size(); i++) {
            String v = vary.get(i);
            factors.addAll(at("$.vary[" + i + "]", () -> Factor.parse(v, s, kb.knowledgeBase().vocabulary())));
        }
        // Requests already run in parallel on the server's executor; a sweep takes the cores it finds.
        Sweep.Result r = at("$.vary", () -> within(() -> kb.sweep(s, factors, Runtime.getRuntime().availableProcessors(), null, budget)));
        Exchanges.json(ex, 200, SweepReport.json(r, kb.knowledgeBase().fingerprint()));
    }

    /**
     * POST /api/whynot: {"scenario": {...}, "goal": "adcc>=moderate", "max": 3, "agents": [...],
     * "budget": {"maxCombinations": N, "maxMillis": MS, "maxSolutions": N}}.
     */
    void whyNot(HttpExchange ex) throws IOException {
        AdccKb kb = knowledge.require();
        Obj req = request(ex, List.of("scenario", "goal", "max", "agents", "budget"));
        Scenario s = scenario(kb, req);
        Budget budget = budget(req, WHYNOT_BOUNDS);
        String goalText = req.get("goal").text();
        Goal goal = at("$.goal", () -> Goal.parse(goalText, kb.knowledgeBase().vocabulary()));
        int max = 3;
        if (req.has("max")) {
            Value v = req.get("max");
            double d = v.number();
            if (d != Math.rint(d) || d < 1 || d > 4) {
                throw v.error("must be a whole number from 1 to 4, got " + v.node());
            }
            max = (int) d;
        }
        List<String> agents = req.has("agents") ? strings(req, "agents") : null;
        int most = max;
        Exchanges.json(ex, 200, WhyNotReport.json(at("$.agents", () -> within(() -> kb.whyNot(s, goal, most, agents, budget))),
                kb.knowledgeBase().fingerprint()));
    }

    /**
     * /api/report: the HTML report of a scenario given as the JSON body, as the {@code scenario} field of a
     * form (so a plain link or form can open it in a new tab) or, with GET, by {@code ?path=} under facts/.
     */
    void report(HttpExchange ex) throws IOException {
        AdccKb kb = knowledge.require();
        Scenario s;
        if ("GET".equals(ex.getRequestMethod()) || "HEAD".equals(ex.getRequestMethod())) {
            String path = Exchanges.form(ex.getRequestURI().getRawQuery()).get("path");
            if (path == null || path.isEmpty()) {
                throw new HttpError(400, "give the scenario: ?path=lejeune-2021/low-target-dara.json, or POST it");
            }
            s = reader(kb).read(catalog.read(path), path);
        } else {
            byte[] body = Exchanges.body(ex, limits.maxBytes());
            String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
            if (type.startsWith("application/x-www-form-urlencoded")) {
                String json = Exchanges.form(new String(body, StandardCharsets.UTF_8)).get("scenario");
                if (json == null) {
                    throw new HttpError(400, "request body: the form has no field 'scenario'");
                }
                s = reader(kb).read(json.getBytes(StandardCharsets.UTF_8), Exchanges.BODY);
            } else {
                s = reader(kb).read(body, Exchanges.BODY);
            }
        }
        Evaluation ev = kb.evaluate(s);
        Exchanges.send(ex, 200, "text/html; charset=utf-8", HtmlReport.explain(ev, kb.knowledgeBase().fingerprint()));
    }

    private ScenarioReader reader(AdccKb kb) {
        return new ScenarioReader(kb.knowledgeBase().vocabulary(), limits);
    }

    private Obj request(HttpExchange ex, List<String> fields) throws IOException {
        JsonNode root = JsonInput.parse(Exchanges.body(ex, limits.maxBytes()), Exchanges.BODY, limits);
        return Obj.root(root, Exchanges.BODY).only(fields);
    }

    /** The nested scenario, read by the scenario reader itself so its messages are the command line's. */
    private Scenario scenario(AdccKb kb, Obj req) {
        Obj scenario = req.get("scenario").object();
        byte[] bytes;
        try {
            bytes = JsonInput.mapper().writeValueAsBytes(scenario.node());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return reader(kb).read(bytes, NESTED);
    }

    /** The edits of one field, each checked by the command line's parser and named by its place. */
    private static void edits(Obj req, String field, java.util.function.Function<String, Edit> parse, List<Edit> into) {
        List<String> texts = strings(req, field);
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            into.add(at("$." + field + "[" + i + "]", () -> parse.apply(text)));
        }
    }

    /**
     * Runs a parser or question that the command line shares, and names its errors by their place in the
     * request ({@code $.add[1]}) rather than by the option the command line would have named.
     */
    private static <T> T at(String path, java.util.function.Supplier<T> f) {
        try {
            return f.get();
        } catch (InputException e) {
            if (e.file() == null || !e.file().startsWith("--")) {
                throw e;
            }
            int space = e.file().indexOf(' ');
            String given = space < 0 ? "" : "'" + e.file().substring(space + 1) + "': ";
            throw new InputException(Exchanges.BODY, path, given + e.detail());
        }
    }

    /**
     * The request's {@code "budget"}: each bound it names lowers the server's, and none can raise it (a
     * larger value is held to the server's); the bounds it leaves out are the server's.
     */
    private Budget budget(Obj req, List<String> bounds) {
        if (!req.has("budget")) {
            return ceiling;
        }
        Obj b = req.get("budget").object().only(bounds);
        Budget asked = ceiling;
        if (b.has("maxCombinations")) {
            asked = asked.withMaxCombinations(positiveWhole(b.get("maxCombinations")));
        }
        if (b.has("maxMillis")) {
            asked = asked.withMaxMillis(positiveWhole(b.get("maxMillis")));
        }
        if (b.has("maxSolutions")) {
            asked = asked.withMaxSolutions((int) Math.min(Integer.MAX_VALUE, positiveWhole(b.get("maxSolutions"))));
        }
        return asked.within(ceiling);
    }

    private static long positiveWhole(Value v) {
        double d = v.number();
        if (d != Math.rint(d) || d < 1) {
            throw v.error("must be a whole number from 1 up, got " + v.node());
        }
        return d >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) d;
    }

    /** Runs a question, naming the bounds of a refusal as the request's fields rather than the command line's options. */
    private static <T> T within(java.util.function.Supplier<T> question) {
        try {
            return question.get();
        } catch (BudgetException e) {
            throw e.inRequest();
        }
    }

    private static List<String> strings(Obj req, String field) {
        if (!req.has(field)) {
            return List.of();
        }
        return req.get(field).array().stream().map(Value::text).toList();
    }
}
