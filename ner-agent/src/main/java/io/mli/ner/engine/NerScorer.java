package io.mli.ner.engine;

import io.mli.common.kb.AliasKind;
import io.mli.common.kb.GazetteerMatch;
import java.util.List;

/**
 * Scores brand candidates from what makes them believable: how reliable the matched form has been in the catalog,
 * whether it opens the title (brands mostly do), whether a longer match of another brand covers it, and for CRF
 * spans the model's own probability. Scores rank candidates; the orchestrator calibrates them into probabilities.
 */
final class NerScorer {
    /** How reliable a known form is where the catalog has never seen it. */
    static final double UNSEEN_PRIOR = 0.85;

    double gazetteer(GazetteerMatch m, boolean atStart, List<GazetteerMatch> all) {
        // How often this form, where it stands here, named this brand in the catalog (unseen forms: a prior). A form
        // never seen opening a title gets the prior there, not its mid-title record: "case for iPhone" says nothing
        // about a title that opens with "iPhone 15 Pro Max".
        int seen = atStart ? m.alias().startSeen() : m.alias().midSeen();
        double p = seen == 0 ? (m.alias().seen() == 0 || atStart ? UNSEEN_PRIOR : m.alias().precision())
                : atStart ? m.alias().startPrecision() : m.alias().midPrecision();
        double s = atStart ? 0.55 + 0.4 * p : 0.3 + 0.45 * p;
        if (m.alias().kind() == AliasKind.PRODUCT_LINE) {
            s -= 0.1;
        }
        for (GazetteerMatch o : all) {
            boolean covers = o.compactStart() <= m.compactStart() && o.compactEnd() >= m.compactEnd()
                    && o.length() > m.length();
            if (covers && !o.alias().brandId().equals(m.alias().brandId())) {
                s *= 0.5;
                break;
            }
        }
        return clamp(s);
    }

    /**
     * Whether the catalog has met this form inside titles often enough, and naming its brand there seldom enough,
     * that standing right after product words does not make it the brand that opens the title: in
     * {@code Kabel Data Type C} ("data cable") DATA, a maker of power strips, is the word data.
     */
    static boolean unreliableMidTitle(GazetteerMatch m) {
        return m.alias().midSeen() >= 3 && m.alias().midPrecision() < 0.5;
    }

    double crf(CrfSpan span, BrandResolver.Resolution r, boolean atStart, List<GazetteerMatch> all) {
        double s;
        if (r.brand() != null) {
            s = known(atStart, span.mean(), r.how().equals("fuzzy"));
            for (GazetteerMatch m : all) {
                if (m.alias().brandId().equals(r.brand().id()) && m.span().start() == span.span().start()
                        && m.span().end() == span.span().end() && commonWord(m.alias())) {
                    // A brand whose name is a common word (FRESH, BLUE, DATA): the CRF calling the word a brand does
                    // not make it this one more often than the catalog saw the word name it.
                    s = Math.min(s, gazetteer(m, atStart, all));
                    break;
                }
            }
        } else {
            s = span.mean() * (atStart ? 0.85 : 0.55);
        }
        for (GazetteerMatch m : all) {
            boolean covers = m.span().start() <= span.span().start() && m.span().end() >= span.span().end()
                    && m.span().end() - m.span().start() > span.span().end() - span.span().start();
            boolean known = r.brand() != null && m.alias().brandId().equals(r.brand().id());
            if (covers && !known) {
                // A longer known name covers the span (Lucido inside Lucido L): the longer name is the brand.
                s *= 0.5;
                break;
            }
            boolean opensSpan = m.span().start() == span.span().start() && m.span().end() < span.span().end();
            if (r.brand() == null && opensSpan && reliableAtStart(m)) {
                // A new "brand" that begins with a known one (Fujitsu Lifebook) is mostly the known brand and its
                // product line; one that begins with a known product line (Kindle Paperwhite), that line and a model.
                // Not when the known name is a word that seldom meant its brand where it opened a catalog title
                // (SUPER opened 15, named SUPER in 2): Super Zaap is a brand of its own more often than SUPER's line.
                s *= 0.7;
                break;
            }
        }
        return clamp(s);
    }

    /** Whether a known form opening a title named its brand there at least half the time (unseen there: a prior). */
    static boolean reliableAtStart(GazetteerMatch m) {
        return (m.alias().startSeen() == 0 ? UNSEEN_PRIOR : m.alias().startPrecision()) >= 0.5;
    }

    /** A form in at least 20 catalog titles that named its brand in under a fifth of them. */
    static boolean commonWord(io.mli.common.kb.AliasEntry a) {
        return a.seen() >= 20 && a.precision() < 0.2;
    }

    /**
     * A word the catalog never used, one edit from a known brand's name: scored as a CRF span resolved to that brand
     * by a near-spelling would be, with a middling model probability, since the model never tagged it.
     */
    double misspelt(boolean atStart) {
        return known(atStart, 0.5, true);
    }

    /** A known brand found by the CRF (or where it would have been): place, model probability, near-spelling. */
    private static double known(boolean atStart, double crfMean, boolean nearSpelling) {
        return (atStart ? 0.6 : 0.4) + 0.35 * crfMean - (nearSpelling ? 0.1 : 0);
    }

    private static double clamp(double s) {
        return Math.max(0, Math.min(1, s));
    }
}
