package io.mli.cli.eval;

import io.mli.common.text.BrandKeys;
import java.util.List;

/**
 * The evaluation's matching rule (see the data README): brands are compared by their matching key (NFKC, case
 * folding, letters, marks and digits only); a prediction is also right when one of the aliases the system returns
 * for its brand matches; an abstention is right only where the row has no brand.
 */
public final class Scoring {
    private Scoring() {
    }

    public static boolean correct(String gold, String predicted, List<String> aliases) {
        boolean goldNone = gold == null || BrandKeys.key(gold).isEmpty();
        if (predicted == null) {
            return goldNone;
        }
        if (goldNone) {
            return false;
        }
        if (BrandKeys.same(gold, predicted)) {
            return true;
        }
        if (aliases != null) {
            for (String a : aliases) {
                if (BrandKeys.same(gold, a)) {
                    return true;
                }
            }
        }
        return false;
    }
}
