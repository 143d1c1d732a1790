package org.adcckb.kb;

import java.util.List;

/**
 * One work the knowledge base cites: an item of {@code rules/sources.csl.json}, in the terms of CSL-JSON
 * (the format Zotero, Pandoc and citeproc read). Only the variables the reports use are kept; the file may
 * hold any other CSL variable.
 *
 * @param id             the citation key ({@code lejeune2021})
 * @param type           the CSL item type ({@code article-journal})
 * @param authors        in the order of the work, as far as the entry names them
 * @param moreAuthors    whether the work has more authors than {@code authors}: the CSL convention of a last
 *                       name {@code {"literal": "others"}}, which citation processors print as "et al."
 * @param containerTitle the journal's name as written ({@code container-title})
 * @param journal        the journal's abbreviation ({@code container-title-short}), or null
 * @param year           the year of {@code issued}
 * @param volume         volume, issue and page as written, each null when unknown
 * @param doi            the DOI without any prefix ({@code 10.3390/cancers13123072}), or null
 * @param pmid           the PubMed id (digits), or null
 * @param url            the item's address, or null
 * @param note           the item's note (here: how its DOI was checked), or null
 */
public record Reference(String id, String type, String title, List<Name> authors, boolean moreAuthors,
                        String containerTitle, String journal,
                        int year, String volume, String issue, String page, String doi, String pmid, String url,
                        String note) {

    public Reference {
        authors = List.copyOf(authors);
    }

    /**
     * A person or a body, as CSL writes names: {@code family} and {@code given}, with an optional particle
     * kept with the family name ({@code van der} Veer), or a {@code literal} name.
     */
    public record Name(String family, String given, String particle, String literal) {
    }

    /** The reference as cited in the rules: {@code doi:...} when the item has a DOI, else {@code PMID:...}. */
    public String citation() {
        return doi != null ? "doi:" + doi : "PMID:" + pmid;
    }
}
