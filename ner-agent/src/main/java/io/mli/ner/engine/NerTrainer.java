package io.mli.ner.engine;

import io.mli.common.io.CatalogRow;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.text.TitleTokenizer;
import java.util.ArrayList;
import java.util.List;

/** Trains the NER model from catalog rows and the knowledge base built from them. */
public final class NerTrainer {

    /**
     * What training did, for the build summary: {@code examples} labelled (brand-less copies included), of which the
     * CRF trained on {@code trainedOn} (at most {@link #PER_BRAND} of one brand).
     */
    public record Report(int rows, int examples, int trainedOn, int skipped, long millis) {
    }

    private final int maxIterations;
    private final int negativePercent;
    private final int perBrand;
    private final int threads;

    /**
     * {@code negativePercent}: for this share of titles, a brand-less copy is added as a negative example;
     * {@code perBrand}: the most examples (negatives included) of one brand the CRF trains on; {@code threads}: for
     * the optimiser's gradient.
     */
    public NerTrainer(int maxIterations, int negativePercent, int perBrand, int threads) {
        this.maxIterations = maxIterations;
        this.negativePercent = negativePercent;
        this.perBrand = perBrand;
        this.threads = threads;
    }

    /**
     * A quicker model for the calibration split: fewer optimiser iterations, one thread (it trains beside the main
     * model, whose gradient runs on every core and so gets the larger share of the CPU while both train).
     */
    public static NerTrainer quick() {
        return new NerTrainer(40, 10, PER_BRAND, 1);
    }

    /** The knowledge base's model, its gradient on every core. */
    public static NerTrainer defaults() {
        return new NerTrainer(100, 10, PER_BRAND, Runtime.getRuntime().availableProcessors());
    }

    /**
     * At most this many examples of one brand: on the catalog (11,664 rows, a few brands with hundreds of titles)
     * the CRF then trains on 10,037 of 12,395 labelled titles in 20% less time, with accuracy on dev.jsonl as good or
     * slightly better.
     */
    public static final int PER_BRAND = 40;

    public Trained train(List<CatalogRow> rows, KnowledgeBase kb) {
        long t0 = System.nanoTime();
        List<DistantSupervision.Example> examples = new ArrayList<>();
        List<String> brandOf = new ArrayList<>();
        int skipped = 0;
        for (CatalogRow row : rows) {
            DistantSupervision.Example e = DistantSupervision.label(row, TitleTokenizer.tokenize(row.title()), kb);
            if (e == null) {
                skipped++;
            } else {
                String brand = io.mli.common.text.BrandKeys.key(row.brand());
                examples.add(e);
                brandOf.add(brand);
                // Titles without a brand exist (and must be abstained on); the catalog has none, so some are made
                // by taking the brand out of real titles.
                if (Math.floorMod(row.title().hashCode(), 100) < negativePercent) {
                    DistantSupervision.Example negative = DistantSupervision.withoutBrand(e);
                    if (negative != null) {
                        examples.add(negative);
                        brandOf.add(brand);
                    }
                }
            }
        }
        boolean[] keep = CrfBrandModel.firstPerBrand(brandOf, perBrand);
        CrfBrandModel model = CrfBrandModel.train(examples, brandOf, keep, maxIterations, threads);
        int trainedOn = 0;
        for (boolean k : keep) {
            trainedOn += k ? 1 : 0;
        }
        return new Trained(model, new Report(rows.size(), examples.size(), trainedOn, skipped,
                (System.nanoTime() - t0) / 1_000_000));
    }

    /** The trained model and how training went. */
    public record Trained(CrfBrandModel model, Report report) {
    }
}
