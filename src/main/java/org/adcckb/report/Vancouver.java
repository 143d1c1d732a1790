package org.adcckb.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.adcckb.kb.Reference;

/**
 * A bibliography entry as one line in the Vancouver style medical journals use:
 * {@code Lejeune M, Duray E, Peipp M, et al. Title. Cancers (Basel). 2021;13(12):3072. doi:10.3390/cancers13123072}.
 * Up to six authors are all named, more (or a list the entry marks incomplete) are the first three and "et al.";
 * family name, then the initials of
 * the given names; the journal's abbreviation where the entry has one; the DOI, or else the PubMed id.
 */
public final class Vancouver {

    private static final int ALL_UP_TO = 6;
    private static final int FIRST = 3;

    private Vancouver() {
    }

    public static String format(Reference r) {
        StringBuilder s = new StringBuilder();
        s.append(sentence(authors(r.authors(), r.moreAuthors()))).append(' ');
        s.append(sentence(r.title())).append(' ');
        String journal = r.journal() != null ? r.journal() : r.containerTitle();
        if (journal != null) {
            s.append(sentence(journal)).append(' ');
        }
        s.append(r.year());
        if (r.volume() != null) {
            s.append(';').append(r.volume());
        }
        if (r.issue() != null) {
            s.append('(').append(r.issue()).append(')');
        }
        if (r.page() != null) {
            s.append(':').append(r.page().replace("--", "-"));
        }
        s.append(". ");
        s.append(r.doi() != null ? "doi:" + r.doi() : "PMID:" + r.pmid());
        return s.toString();
    }

    /** Up to six names; more, or an incomplete list, as the first three (or fewer) and "et al". */
    static String authors(List<Reference.Name> names, boolean more) {
        List<String> shown = new ArrayList<>();
        boolean etAl = more || names.size() > ALL_UP_TO;
        for (Reference.Name n : etAl ? names.subList(0, Math.min(FIRST, names.size())) : names) {
            shown.add(name(n));
        }
        return String.join(", ", shown) + (etAl ? ", et al" : "");
    }

    /** {@code van der Veer MS}, {@code Naeimi Kararoudi M}, {@code Clémenceau B}; a body as written. */
    static String name(Reference.Name n) {
        if (n.family() == null) {
            return n.literal();
        }
        String family = n.particle() == null ? n.family() : n.particle() + " " + n.family();
        String initials = initials(n.given());
        return initials.isEmpty() ? family : family + " " + initials;
    }

    /** The first letter of each given name, hyphenated ones too: Hans-Peter W. gives HPW. */
    static String initials(String given) {
        if (given == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (String part : given.split("[\\s.\\-]+")) {
            if (!part.isEmpty()) {
                s.append(part.substring(0, part.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT));
            }
        }
        return s.toString();
    }

    /** A title or journal name ending in a full stop, unless it ends in one already, or in '?' or '!'. */
    private static String sentence(String text) {
        String t = text.strip();
        return t.endsWith(".") || t.endsWith("?") || t.endsWith("!") ? t : t + ".";
    }
}
