package org.adcckb.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.adcckb.kb.KnowledgeBaseLoader;
import org.adcckb.kb.Vocabulary;

/**
 * A random virtual cohort as JSON Lines, drawn from the knowledge base's vocabulary the way a
 * translational study would vary it: one or two myeloma populations and one or two NK populations per
 * scenario, CD38 levels skewed towards what patients show (myeloma mostly medium or high, NK cells
 * mostly high), occasional knockouts, both CD16 alleles, a quarter of the scenarios in vivo, and a few
 * treatments (daratumumab in most). Fixed seed: the same cohort every time.
 *
 * <p>With {@code unique}, no two scenarios share a content (all but the id; the order of treatments
 * aside), and there are up to three populations of each kind and up to three extra treatments: a cohort
 * that tabling results by content ({@code batch.ResultTable}) cannot help.
 *
 * <p>Usage: {@code Cohort RULES_DIR N [SEED [unique]] > cohort.jsonl}
 */
public final class Cohort {

    private static final String[] TARGET_CD38 = {"low", "medium", "medium", "high", "high", "high"};
    private static final String[] NK_CD38 = {"low", "medium", "high", "high", "high"};
    private static final String[] CD16 = {"158V", "158F", "158F", "none"};

    private Cohort() {
    }

    public static void main(String[] args) throws Exception {
        Vocabulary vocabulary = KnowledgeBaseLoader.load(Path.of(args[0])).vocabulary();
        long n = Long.parseLong(args[1]);
        Random r = new Random(args.length > 2 ? Long.parseLong(args[2]) : 2021L);
        ObjectMapper json = new ObjectMapper();
        List<String> agents = new ArrayList<>(vocabulary.agentNames());
        agents.remove("daratumumab");
        boolean unique = args.length > 3 && "unique".equals(args[3]);
        int most = unique ? 3 : 2;
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
            for (long i = 0; i < n; i++) {
                ObjectNode s = json.createObjectNode();
                s.put("id", "virtual-" + i);
                s.put("setting", r.nextInt(4) == 0 ? "in_vivo" : "in_vitro");
                ArrayNode cells = s.putArray("cells");
                List<String> ids = new ArrayList<>();
                int targets = 1 + r.nextInt(most);
                for (int k = 0; k < targets; k++) {
                    ids.add("mm" + k);
                    cells.addObject().put("id", "mm" + k).put("type", "myeloma").put("cd38", TARGET_CD38[r.nextInt(TARGET_CD38.length)]);
                }
                int effectors = 1 + r.nextInt(most);
                for (int k = 0; k < effectors; k++) {
                    ids.add("nk" + k);
                    ObjectNode nk = cells.addObject().put("id", "nk" + k).put("type", "nk").put("cd16", CD16[r.nextInt(CD16.length)]);
                    if (r.nextInt(20) == 0) {
                        nk.put("cd38", "none").put("cd38Knockout", true);
                    } else {
                        nk.put("cd38", NK_CD38[r.nextInt(NK_CD38.length)]);
                    }
                }
                ArrayNode treatments = s.putArray("treatments");
                if (r.nextInt(10) < 8) {
                    treatments.addObject().put("agent", "daratumumab");
                }
                int extra = r.nextInt(most + 1);
                List<String> used = new ArrayList<>();
                for (int k = 0; k < extra; k++) {
                    String agent = agents.get(r.nextInt(agents.size()));
                    String on = r.nextInt(3) == 0 ? null : ids.get(r.nextInt(ids.size()));
                    String key = agent + "@" + on;
                    if (used.contains(key)) {
                        continue;
                    }
                    used.add(key);
                    ObjectNode t = treatments.addObject().put("agent", agent);
                    if (on != null) {
                        t.put("on", on);
                    }
                }
                if (unique) {
                    List<String> given = new ArrayList<>();
                    treatments.forEach(t -> given.add(t.toString()));
                    java.util.Collections.sort(given);
                    if (!seen.add(s.get("setting") + " " + cells + " " + given)) {
                        i--; // drawn before: draw again
                        continue;
                    }
                }
                out.write(json.writeValueAsString(s));
                out.write('\n');
            }
        }
    }
}
