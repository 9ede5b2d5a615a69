package dev.jmlebench.score;

import dev.jmlebench.dataset.Question;
import dev.jmlebench.dataset.QuestionType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns outcomes into a {@link Summary} under the official 500-point scheme (SPEC §4). Counts: accuracy is
 * correct over attempted; parse failures and errors as
 * {@link Outcome} counts them.
 */
public final class Scorer {
  public static final String TEXT_ONLY = "text_only";
  public static final String WITH_IMAGE = "with_image";

  private Scorer() {}

  public static Summary summarize(Iterable<GradedQuestion> graded, ExamCriteria criteria) {
    int correct = 0;
    int attempted = 0;
    int score = 0;
    int scoreMax = 0;
    int textScore = 0;
    int textMax = 0;
    int reqScore = 0;
    int reqMax = 0;
    int genScore = 0;
    int genMax = 0;
    int reqExcluded = 0;
    int genExcluded = 0;
    int parseFailures = 0;
    Integer prohibited = null;
    int errors = 0;
    TreeMap<String, Tally> byBlock = new TreeMap<>();
    Map<String, Tally> byType = new LinkedHashMap<>();
    for (QuestionType t : QuestionType.values()) {
      byType.put(t.wireName(), Tally.EMPTY);
    }
    Map<String, Tally> byImage = new LinkedHashMap<>();
    byImage.put(TEXT_ONLY, Tally.EMPTY);
    byImage.put(WITH_IMAGE, Tally.EMPTY);

    for (GradedQuestion g : graded) {
      Question q = g.question();
      boolean ok = g.outcome() == Outcome.CORRECT || criteria.scoresForEveryone(q.questionId());
      attempted++;
      correct += ok ? 1 : 0;
      parseFailures += g.outcome().isParseFailure() ? 1 : 0;
      errors += g.outcome() == Outcome.ERROR ? 1 : 0;
      byBlock.merge(q.block(), Tally.EMPTY.plus(ok), Scorer::add);
      byType.merge(q.type().wireName(), Tally.EMPTY.plus(ok), Scorer::add);
      byImage.merge(q.requiresImage() ? WITH_IMAGE : TEXT_ONLY, Tally.EMPTY.plus(ok), Scorer::add);

      if (g.prohibited() != null) {
        prohibited = (prohibited == null ? 0 : prohibited) + (g.prohibited() ? 1 : 0);
      }
      int points = Points.of(q);
      boolean required = Part.isRequired(q);
      if (criteria.isExcluded(q.questionId())) {
        if (required) {
          reqExcluded += points;
        } else {
          genExcluded += points;
        }
        continue;
      }
      int earned = ok ? points : 0;
      score += earned;
      scoreMax += points;
      if (!q.requiresImage()) {
        textScore += earned;
        textMax += points;
      }
      if (required) {
        reqScore += earned;
        reqMax += points;
      } else {
        genScore += earned;
        genMax += points;
      }
    }
    return new Summary(correct, attempted, score, scoreMax, textScore, textMax, reqScore, reqMax, genScore, genMax,
        criteria.requiredPass(reqScore, reqMax, reqExcluded),
        criteria.generalPass(genScore, genMax, genExcluded),
        parseFailures, errors, byBlock, byType, byImage, prohibited, criteria.prohibitedPass(prohibited));
  }

  private static Tally add(Tally a, Tally b) {
    return new Tally(a.correct() + b.correct(), a.total() + b.total());
  }
}
