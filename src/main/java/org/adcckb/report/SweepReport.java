package org.adcckb.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.adcckb.whatif.Factor;
import org.adcckb.whatif.Sweep;

/** A sweep as a ranked table (text, CSV, Markdown) or JSON, with the main effect of each factor. */
public final class SweepReport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SweepReport() {
    }

    private static List<String> targets(Sweep.Result r) {
        TreeSet<String> ids = new TreeSet<>();
        r.rows().forEach(row -> ids.addAll(row.targetCd38().keySet()));
        return new ArrayList<>(ids);
    }

    private static List<String> header(Sweep.Result r) {
        List<String> h = new ArrayList<>();
        h.add("rank");
        r.factors().forEach(f -> h.add(f.label()));
        h.addAll(r.outcomes().stream().map(org.adcckb.kb.OutcomeKind::name).toList());
        // The primary outcome's score tells rows apart within a grade (docs/MODEL.md, "Scores and ranges").
        h.add(r.outcomes().get(0).name() + "Score");
        // After modulation; ".cd38After" keeps it apart from a factor that sets the starting level (mm.cd38).
        targets(r).forEach(t -> h.add(t + ".cd38After"));
        return h;
    }

    private static List<List<String>> cells(Sweep.Result r) {
        List<String> targets = targets(r);
        List<List<String>> out = new ArrayList<>();
        int rank = 0;
        for (Sweep.Row row : r.rows()) {
            List<String> c = new ArrayList<>();
            c.add(Integer.toString(++rank));
            for (int f = 0; f < r.factors().size(); f++) {
                String level = row.levels().get(f);
                c.add(r.factors().get(f) instanceof Factor.TreatmentFactor ? ("present".equals(level) ? "+" : "-") : level);
            }
            c.addAll(row.outcome().asMap().values());
            Double score = row.outcome().score(r.outcomes().get(0).name());
            // As the JSON gives it: rounded to three decimals.
            c.add(score == null ? "" : Double.toString(Math.round(score * 1000.0) / 1000.0));
            targets.forEach(t -> c.add(row.targetCd38().getOrDefault(t, "")));
            out.add(c);
        }
        return out;
    }

    public static String text(Sweep.Result r) {
        List<String> h = header(r);
        List<List<String>> rows = cells(r);
        int[] width = new int[h.size()];
        for (int i = 0; i < h.size(); i++) {
            width[i] = h.get(i).length();
            for (List<String> row : rows) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("Sweep of ").append(r.scenario().id()).append(": ").append(r.rows().size())
                .append(r.rows().size() == 1 ? " combination of " : " combinations of ").append(r.factors().size()).append(r.factors().size() == 1 ? " factor" : " factors")
                .append(", ranked by ").append(OutcomeText.rankedBy(r.outcomes())).append('\n');
        if (r.factors().stream().anyMatch(f -> f instanceof Factor.TreatmentFactor)) {
            out.append("(+ present, - absent)\n");
        }
        out.append('\n');
        line(out, h, width);
        for (List<String> row : rows) {
            line(out, row, width);
        }
        out.append("\nMain effects on ").append(r.outcomes().get(0).label())
                .append(" (each factor against its reference, over all combinations of the others)\n");
        for (Sweep.Effect e : r.effects()) {
            out.append(String.format(Locale.ROOT, "  %-28s raises %d, lowers %d, leaves %d%n",
                    e.factor() + ("present".equals(e.level()) ? "" : " " + e.level()), e.raises(), e.lowers(), e.unchanged()));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            l.append(String.format(Locale.ROOT, "%-" + width[i] + "s", cells.get(i)));
            if (i < cells.size() - 1) {
                l.append("  ");
            }
        }
        out.append(l.toString().stripTrailing()).append('\n');
    }

    public static String csv(Sweep.Result r) {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", header(r).stream().map(SweepReport::csvCell).toList())).append('\n');
        for (List<String> row : cells(r)) {
            out.append(String.join(",", row.stream().map(SweepReport::csvCell).toList())).append('\n');
        }
        return out.toString();
    }

    private static String csvCell(String s) {
        return s.matches("[A-Za-z0-9_.@+ -]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    public static String markdown(Sweep.Result r) {
        StringBuilder out = new StringBuilder();
        List<String> h = header(r);
        out.append("| ").append(String.join(" | ", h)).append(" |\n");
        out.append("|").append("---|".repeat(h.size())).append('\n');
        for (List<String> row : cells(r)) {
            out.append("| ").append(String.join(" | ", row.stream().map(c -> c.replace("|", "\\|")).toList())).append(" |\n");
        }
        String primary = r.outcomes().get(0).label();
        out.append("\n| factor | raises ").append(primary).append(" | lowers ").append(primary).append(" | leaves ")
                .append(primary).append(" |\n|---|---|---|---|\n");
        for (Sweep.Effect e : r.effects()) {
            out.append("| ").append(e.factor()).append("present".equals(e.level()) ? "" : " " + e.level())
                    .append(" | ").append(e.raises()).append(" | ").append(e.lowers()).append(" | ").append(e.unchanged()).append(" |\n");
        }
        return out.toString();
    }

    public static ObjectNode json(Sweep.Result r, String fingerprint) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", JsonReport.FORMAT_VERSION);
        root.put("scenario", r.scenario().id());
        ArrayNode factors = root.putArray("factors");
        for (Factor f : r.factors()) {
            ObjectNode n = factors.addObject();
            n.put("factor", f.label());
            n.put("kind", f instanceof Factor.TreatmentFactor ? "treatment" : "field");
            ArrayNode levels = n.putArray("levels");
            f.levels().forEach(levels::add);
        }
        ArrayNode rows = root.putArray("rows");
        int rank = 0;
        for (Sweep.Row row : r.rows()) {
            ObjectNode n = rows.addObject();
            n.put("rank", ++rank);
            ObjectNode levels = n.putObject("levels");
            for (int f = 0; f < r.factors().size(); f++) {
                levels.put(r.factors().get(f).label(), row.levels().get(f));
            }
            ObjectNode outcome = n.putObject("outcome");
            row.outcome().asMap().forEach(outcome::put);
            OutcomeJson.put(n, row.outcome());
            ObjectNode cd38 = n.putObject("targetCd38");
            for (Map.Entry<String, String> e : row.targetCd38().entrySet()) {
                cd38.put(e.getKey(), e.getValue());
            }
        }
        ArrayNode effects = root.putArray("effects");
        for (Sweep.Effect e : r.effects()) {
            effects.addObject().put("factor", e.factor()).put("level", e.level()).put("raises", e.raises())
                    .put("lowers", e.lowers()).put("unchanged", e.unchanged());
        }
        root.put("rulesFingerprint", fingerprint);
        return root;
    }
}
