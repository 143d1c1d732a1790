package org.adcckb.kb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The evidence scale of {@code @evidence} and the form of {@code @source}; docs/EVIDENCE.md explains
 * both to rule authors. A rule that goes beyond what its source states also carries {@code @inferred}.
 */
public final class Evidence {

    /** Grade to meaning, strongest first. */
    public static final Map<String, String> GRADES;

    static {
        Map<String, String> g = new LinkedHashMap<>();
        g.put("A", "stated in the cited primary source (abstract, summary or key points read)");
        g.put("B", "stated at second hand: in a secondary source (review, commentary, news summary) about the cited work, "
                + "or in the cited work as background rather than as its result; or shown in the cited work for a related "
                + "measurement (another readout, other effector cells) rather than for what the rule concludes");
        g.put("C", "field knowledge not checked against the cited source, or the model's own arithmetic that no source "
                + "gives; a hypothesis to verify");
        GRADES = java.util.Collections.unmodifiableMap(g);
    }

    /**
     * The provenance tags of the findings a scenario encodes (docs/LITERATURE.md, "Provenance tags"), strongest first: stated in
     * the source itself, stated in a secondary source, field knowledge not checked against a source, a
     * logical inference that is not a published result. A scenario's {@code expect.evidence}.
     */
    public static final List<String> PROVENANCE = List.of("READ", "READ-2nd", "RECALL", "INFER");

    private static final Pattern DOI = Pattern.compile("doi:10\\.\\d{4,9}/\\S+");
    private static final Pattern PMID = Pattern.compile("PMID:\\d{1,9}");

    private Evidence() {
    }

    public static boolean isGrade(String grade) {
        return GRADES.containsKey(grade);
    }

    /** Whether one source reference is a well-formed {@code doi:10.xxxx/...} or {@code PMID:nnn}. */
    public static boolean isSource(String source) {
        return DOI.matcher(source).matches() || PMID.matcher(source).matches();
    }

    /** A web address a reader can open for a source reference. */
    public static String link(String source) {
        if (source.startsWith("doi:")) {
            return "https://doi.org/" + source.substring(4);
        }
        if (source.startsWith("PMID:")) {
            return "https://pubmed.ncbi.nlm.nih.gov/" + source.substring(5) + "/";
        }
        return source;
    }
}
