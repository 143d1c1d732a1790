package org.adcckb.kb;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.adcckb.input.InputException;
import org.adcckb.input.JsonInput;
import org.adcckb.input.JsonInput.Obj;
import org.adcckb.input.JsonInput.Value;
import org.adcckb.input.Suggest;

/**
 * Reads {@code sources.csl.json}: a JSON array of CSL-JSON items. Each item needs an {@code id}, a CSL
 * {@code type}, a {@code title}, at least one {@code author}, the year it was {@code issued} and a {@code DOI}
 * or a {@code PMID}; any other CSL variable may be there. What is wrong is said with the file, its line, the
 * JSON path, the value and what is allowed, as for the vocabulary.
 */
final class CslReader {

    /** The CSL 1.0.2 item types. */
    static final List<String> TYPES = List.of("article", "article-journal", "article-magazine", "article-newspaper",
            "bill", "book", "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
            "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing", "interview", "legal_case",
            "legislation", "manuscript", "map", "motion_picture", "musical_score", "pamphlet", "paper-conference",
            "patent", "performance", "periodical", "personal_communication", "post", "post-weblog", "regulation",
            "report", "review", "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage");

    /** The variables of a CSL-JSON item (the CSL 1.0.2 schema), which Zotero and Pandoc may write. */
    static final Set<String> VARIABLES = Set.of("type", "id", "citation-key", "categories", "language",
            "journalAbbreviation", "shortTitle", "author", "chair", "collection-editor", "compiler", "composer",
            "container-author", "contributor", "curator", "director", "editor", "editorial-director",
            "executive-producer", "guest", "host", "interviewer", "illustrator", "narrator", "organizer",
            "original-author", "performer", "producer", "recipient", "reviewed-author", "script-writer",
            "series-creator", "translator", "accessed", "available-date", "event-date", "issued", "original-date",
            "submitted", "abstract", "annote", "archive", "archive_collection", "archive_location", "archive-place",
            "authority", "call-number", "chapter-number", "citation-number", "citation-label", "collection-number",
            "collection-title", "container-title", "container-title-short", "dimensions", "division", "DOI", "edition",
            "event", "event-title", "event-place", "first-reference-note-number", "genre", "ISBN", "ISSN", "issue",
            "jurisdiction", "keyword", "locator", "medium", "note", "number", "number-of-pages", "number-of-volumes",
            "original-publisher", "original-publisher-place", "original-title", "page", "page-first", "part",
            "part-title", "PMCID", "PMID", "printing", "publisher", "publisher-place", "references", "reviewed-genre",
            "reviewed-title", "scale", "section", "source", "status", "supplement", "title", "title-short", "URL",
            "version", "volume", "volume-title", "volume-title-short", "year-suffix", "custom");

    private static final List<String> NAME_PARTS = List.of("family", "given", "non-dropping-particle",
            "dropping-particle", "suffix", "comma-suffix", "static-ordering", "literal", "parse-names");
    private static final List<String> DATE_PARTS = List.of("date-parts", "season", "circa", "literal", "raw");
    /** The last "name" of an incomplete author list, which citation processors print as "et al.". */
    static final String OTHERS = "others";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]*");
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");
    private static final Pattern PMID = Pattern.compile("\\d{1,9}");

    private CslReader() {
    }

    static List<Reference> read(Path file, String shownAs) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KnowledgeBaseException(new Problem(shownAs, 0, "cannot be read: " + e.getMessage()));
        }
        return read(bytes, shownAs);
    }

    /** The entries of CSL-JSON {@code bytes} shown as {@code shownAs}. */
    static List<Reference> read(byte[] bytes, String shownAs) {
        try {
            return read(JsonInput.parse(bytes, shownAs), shownAs);
        } catch (InputException e) {
            int line = e.where().startsWith("$") ? JsonInput.lineOf(bytes, e.where()) : 0;
            throw new KnowledgeBaseException(new Problem(shownAs, line,
                    (e.where().isEmpty() ? "" : e.where() + ": ") + e.detail()));
        }
    }

    private static List<Reference> read(JsonNode root, String shownAs) {
        Value all = new Value(root, "$", shownAs);
        if (!root.isArray()) {
            throw all.error("expected a JSON array of CSL-JSON items ([{\"id\": ..., \"type\": \"article-journal\", ...}])");
        }
        List<Reference> out = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        Map<String, String> works = new HashMap<>();
        for (Value v : all.array()) {
            Reference r = item(v.object());
            String before = ids.putIfAbsent(r.id(), v.path());
            if (before != null) {
                throw v.object().get("id").error("id '" + r.id() + "' is already used at " + before + "; ids are unique");
            }
            for (String key : new String[] {r.doi() == null ? null : "doi:" + r.doi().toLowerCase(Locale.ROOT),
                    r.pmid() == null ? null : "PMID:" + r.pmid()}) {
                String other = key == null ? null : works.putIfAbsent(key, r.id());
                if (other != null) {
                    throw v.error(key + " is already the reference of '" + other + "'; one entry per work");
                }
            }
            out.add(r);
        }
        return out;
    }

    private static Reference item(Obj o) {
        for (String f : o.fieldNames()) {
            if (!VARIABLES.contains(f)) {
                throw new InputException(o.file(), o.path() + "." + f, "unknown field '" + f + "'"
                        + Suggest.hint(f, VARIABLES) + "; a CSL-JSON item holds the variables of CSL 1.0.2 (id, type, "
                        + "title, author, container-title, container-title-short, issued, volume, issue, page, DOI, PMID, "
                        + "URL, note, ...)");
            }
        }
        String id = o.get("id").text();
        if (!ID.matcher(id).matches()) {
            throw o.get("id").error("'" + id + "' is not a citation key; use letters, digits and '_', '-', '.', ':' "
                    + "(lejeune2021)");
        }
        String type = o.get("type").oneOf(TYPES, "a CSL item type");
        String title = nonBlank(o, "title");
        String doi = o.has("DOI") ? doi(o.get("DOI")) : null;
        String pmid = o.has("PMID") ? pmid(o.get("PMID")) : null;
        if (doi == null && pmid == null) {
            throw o.error("entry '" + id + "' has neither a DOI nor a PMID; the rules cite works by one of them");
        }
        String url = o.has("URL") ? url(o.get("URL")) : null;
        String journal = o.has("container-title-short") ? nonBlank(o, "container-title-short")
                : o.has("journalAbbreviation") ? nonBlank(o, "journalAbbreviation") : null;
        List<Reference.Name> authors = authors(o.get("author"));
        boolean others = authors.get(authors.size() - 1).literal() != null && authors.get(authors.size() - 1).literal().equals(OTHERS);
        if (others && authors.size() == 1) {
            throw o.get("author").error("names no author but 'others'; give at least the first author");
        }
        return new Reference(id, type, title, others ? authors.subList(0, authors.size() - 1) : authors, others,
                o.has("container-title") ? nonBlank(o, "container-title") : null,
                journal, year(o.get("issued")), number(o, "volume"), number(o, "issue"), number(o, "page"), doi, pmid, url,
                o.has("note") ? nonBlank(o, "note") : null);
    }

    private static String nonBlank(Obj o, String field) {
        String s = o.get(field).text();
        if (s.isBlank()) {
            throw o.get(field).error("is empty; write the " + field + " or leave the field out");
        }
        return s.strip();
    }

    private static List<Reference.Name> authors(Value v) {
        List<Value> names = v.array();
        if (names.isEmpty()) {
            throw v.error("lists no author; give at least the first author ({\"family\": \"Lejeune\", \"given\": \"Margaux\"})");
        }
        List<Reference.Name> out = new ArrayList<>();
        for (Value n : names) {
            Obj name = n.object().only(NAME_PARTS);
            String family = name.text("family", null);
            String literal = name.text("literal", null);
            if ((family == null || family.isBlank()) && (literal == null || literal.isBlank())) {
                throw name.error("a name needs a 'family' name (with 'given'), or a 'literal' one for a body");
            }
            if (OTHERS.equals(literal) && n != names.get(names.size() - 1)) {
                throw name.error("'others' marks a list of authors as incomplete, so it comes last");
            }
            out.add(new Reference.Name(family, name.text("given", null), name.text("non-dropping-particle", null), literal));
        }
        return out;
    }

    private static int year(Value v) {
        Obj date = v.object().only(DATE_PARTS);
        Value parts = date.get("date-parts");
        List<Value> first = parts.array();
        if (first.isEmpty()) {
            throw parts.error("holds no date; write [[YEAR]] or [[YEAR, MONTH, DAY]]");
        }
        List<Value> ymd = first.get(0).array();
        JsonNode y = ymd.isEmpty() ? null : ymd.get(0).node();
        int year;
        if (y != null && y.isIntegralNumber() && y.canConvertToInt()) {
            year = y.intValue();
        } else if (y != null && y.isTextual() && y.textValue().matches("\\d{4}")) {
            year = Integer.parseInt(y.textValue());
        } else {
            throw first.get(0).error("expected [YEAR] or [YEAR, MONTH, DAY] with a four-digit year, got " + first.get(0).node());
        }
        if (year < 1000 || year > 2999) {
            throw ymd.get(0).error(year + " is not a four-digit year");
        }
        return year;
    }

    /** A volume, issue or page: CSL-JSON writes them as strings or numbers. */
    private static String number(Obj o, String field) {
        if (!o.has(field)) {
            return null;
        }
        JsonNode n = o.get(field).node();
        if (n.isIntegralNumber()) {
            return n.asText();
        }
        return nonBlank(o, field);
    }

    private static String doi(Value v) {
        String s = v.text().strip();
        if (!DOI.matcher(s).matches()) {
            throw v.error("'" + s + "' is not a DOI; write it as 10.xxxx/suffix, without 'doi:' or 'https://doi.org/'");
        }
        return s;
    }

    private static String pmid(Value v) {
        String s = v.node().isIntegralNumber() ? v.node().asText() : v.text().strip();
        if (!PMID.matcher(s).matches()) {
            throw v.error("'" + s + "' is not a PubMed id; write its digits only (9242542)");
        }
        return s;
    }

    private static String url(Value v) {
        String s = v.text().strip();
        if (!s.startsWith("https://") && !s.startsWith("http://")) {
            throw v.error("'" + s + "' is not a web address; write https://...");
        }
        return s;
    }
}
