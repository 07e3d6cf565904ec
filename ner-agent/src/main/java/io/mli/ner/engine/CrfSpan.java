package io.mli.ner.engine;

import io.mli.common.domain.Span;
import io.mli.common.text.Token;
import io.mli.common.text.TokenType;
import java.util.ArrayList;
import java.util.List;

/** A run of tokens the CRF tags as brand, with the mean and lowest brand probability over it. */
record CrfSpan(Span span, int firstToken, int lastToken, double mean, double min) {
    static final double THRESHOLD = 0.5;

    static List<CrfSpan> extract(String title, List<Token> tokens, double[] brandProb) {
        List<CrfSpan> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (brandProb[i] < THRESHOLD || tokens.get(i).type() == TokenType.PUNCT) {
                i++;
                continue;
            }
            int j = i;
            double sum = 0;
            double min = 1;
            while (j < tokens.size() && brandProb[j] >= THRESHOLD) {
                sum += brandProb[j];
                min = Math.min(min, brandProb[j]);
                j++;
            }
            int last = j - 1;
            while (last > i && tokens.get(last).type() == TokenType.PUNCT) {
                last--;
            }
            Span span = Span.of(title, tokens.get(i).start(), tokens.get(last).end());
            out.add(new CrfSpan(span, i, last, sum / (j - i), min));
            i = j;
        }
        return out;
    }
}
