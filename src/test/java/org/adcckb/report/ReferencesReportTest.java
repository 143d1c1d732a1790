package org.adcckb.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.adcckb.TestKb;
import org.adcckb.kb.Reference;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.report.graph.HtmlReport;
import org.junit.jupiter.api.Test;

/** Reports cite each source with its full reference from the bibliography, in the Vancouver style. */
class ReferencesReportTest {

    private static final String LEJEUNE = "Lejeune M, Duray E, Peipp M, et al. Balancing the CD38 expression on effector and "
            + "target cells in daratumumab-mediated NK cell ADCC against multiple myeloma. Cancers (Basel). 2021;13(12):3072. "
            + "doi:10.3390/cancers13123072";
    private static final String KOENE = "Koene HR, et al. Fc gammaRIIIa-158V/F polymorphism influences the binding of IgG by "
            + "natural killer cell Fc gammaRIIIa, independently of the Fc gammaRIIIa-48L/R/H phenotype. Blood. 1997;90(3):1109-1114. "
            + "PMID:9242542";

    private final Evaluation ev = TestKb.reasoner().evaluate(TestKb.lejeune("atra-nanobody-low-target"));

    private static Reference.Name name(String family, String given) {
        return new Reference.Name(family, given, null, null);
    }

    private static Reference article(List<Reference.Name> authors, boolean more) {
        return new Reference("x2020", "article-journal", "A title", authors, more, "Journal of Things", null, 2020, "7", null,
                "1-9", "10.1234/x", null, null, null);
    }

    @Test
    void theShippedEntriesFormatAsVancouverReferences() {
        assertThat(Vancouver.format(TestKb.kb().bibliography().resolve("doi:10.3390/cancers13123072").orElseThrow()))
                .isEqualTo(LEJEUNE);
        assertThat(Vancouver.format(TestKb.kb().bibliography().resolve("PMID:9242542").orElseThrow())).isEqualTo(KOENE);
        assertThat(Vancouver.format(TestKb.kb().bibliography().resolve("doi:10.3324/haematol.2010.030759").orElseThrow()))
                .startsWith("van der Veer MS, de Weers M, van Kessel B, et al. Towards effective immunotherapy of myeloma")
                .endsWith(" Haematologica. 2011;96(2):284-290. doi:10.3324/haematol.2010.030759");
    }

    @Test
    void upToSixAuthorsAreNamedAndMoreOrAnIncompleteListEndInEtAl() {
        List<Reference.Name> six = List.of(name("A", "Anna"), name("B", "Bo"), name("C", "Cy"), name("D", "Di"),
                name("E", "Ed"), name("F", "Flo Maria"));
        assertThat(Vancouver.format(article(six, false)))
                .isEqualTo("A A, B B, C C, D D, E E, F FM. A title. Journal of Things. 2020;7:1-9. doi:10.1234/x");
        List<Reference.Name> seven = new java.util.ArrayList<>(six);
        seven.add(name("G", "Gil"));
        assertThat(Vancouver.format(article(seven, false))).startsWith("A A, B B, C C, et al. A title.");
        assertThat(Vancouver.format(article(List.of(name("Naeimi Kararoudi", "Meisam")), true)))
                .startsWith("Naeimi Kararoudi M, et al. A title.");
        assertThat(Vancouver.initials("Hans-Peter W.")).isEqualTo("HPW");
        assertThat(Vancouver.name(new Reference.Name(null, null, null, "The Myeloma Group"))).isEqualTo("The Myeloma Group");
    }

    @Test
    void theTextReportListsEachSourceWithItsFullReference() {
        String text = TextReport.render(ev);
        String sources = text.substring(text.indexOf("\nSources\n"));
        assertThat(sources).contains("  doi:10.3390/cancers13123072  https://doi.org/10.3390/cancers13123072\n    " + LEJEUNE + "\n");
    }

    @Test
    void theJsonGivesTheReferencesKeyedByTheCitation() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.line(ev, "f", true));
        JsonNode refs = json.path("explanation").path("references");
        assertThat(refs.isObject()).isTrue();
        JsonNode lejeune = refs.path("doi:10.3390/cancers13123072");
        assertThat(lejeune.path("id").asText()).isEqualTo("lejeune2021");
        assertThat(lejeune.path("reference").asText()).isEqualTo(LEJEUNE);
        assertThat(lejeune.path("url").asText()).isEqualTo("https://doi.org/10.3390/cancers13123072");
        // Every source of every rule the explanation names has its entry, in order.
        List<String> cited = new java.util.ArrayList<>();
        json.path("explanation").path("rules").forEach(r -> r.path("sources").forEach(s -> cited.add(s.asText())));
        List<String> keys = new java.util.ArrayList<>();
        refs.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isSorted().containsExactlyInAnyOrderElementsOf(new java.util.TreeSet<>(cited));
        assertThat(JsonReport.line(ev, "f", false)).asString().doesNotContain("\"references\"");
    }

    @Test
    void theHtmlPageHasAReferencesSection() {
        String html = HtmlReport.explain(ev, "f");
        assertThat(html).contains("<h2>References</h2>\n<ul class=\"references\">\n")
                .contains("<li data-source=\"doi:10.3390/cancers13123072\"><a href=\"https://doi.org/10.3390/cancers13123072\">"
                        + "doi:10.3390/cancers13123072</a> <span class=\"muted small\">[lejeune2021]</span><br>" + LEJEUNE + "</li>");
    }
}
