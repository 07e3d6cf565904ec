package io.mli.cli.eval;

import java.util.List;

/**
 * Figures for a group of rows: accuracy (right / all), coverage (answered / all), precision when answering
 * (right answers / answers).
 */
public record SliceStats(String name, int rows, int right, int answered, int rightAnswers) {

    public static SliceStats of(String name, List<Outcome> outcomes) {
        int right = 0;
        int answered = 0;
        int rightAnswers = 0;
        for (Outcome o : outcomes) {
            if (o.correct()) {
                right++;
            }
            if (o.answered()) {
                answered++;
                if (o.correct()) {
                    rightAnswers++;
                }
            }
        }
        return new SliceStats(name, outcomes.size(), right, answered, rightAnswers);
    }

    public double accuracy() {
        return rows == 0 ? 0 : (double) right / rows;
    }

    public double coverage() {
        return rows == 0 ? 0 : (double) answered / rows;
    }

    public double precision() {
        return answered == 0 ? 0 : (double) rightAnswers / answered;
    }
}
