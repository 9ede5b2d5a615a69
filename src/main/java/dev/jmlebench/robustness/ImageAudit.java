package dev.jmlebench.robustness;

import dev.jmlebench.stats.PairedComparison;
import dev.jmlebench.stats.ScoredQuestion;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Of a run in another image mode: on the image questions both runs answered, how many the run that saw the
 * images got right, and how many of those the run without them got right too — answers that did not need the
 * picture the model claims to read.
 *
 * @param imageQuestions image questions both runs answered
 * @param rightWithImages of those, the ones the run with the images got right
 * @param stayRight of those, the ones the run without the images got right as well
 * @param rightWithout image questions the run without the images got right, in all
 */
public record ImageAudit(int imageQuestions, int rightWithImages, int stayRight, int rightWithout) {

  /**
   * @param variantSeesImages whether the variant run (A of {@code paired}) is the one that was sent the images
   */
  static ImageAudit of(PairedComparison paired, boolean variantSeesImages, Set<String> imageQuestions) {
    Map<String, ScoredQuestion> defaults = new HashMap<>();
    paired.b().questions().forEach(q -> defaults.put(q.questionId(), q));
    int n = 0;
    int withImages = 0;
    int stay = 0;
    int without = 0;
    for (ScoredQuestion v : paired.a().questions()) {
      ScoredQuestion d = defaults.get(v.questionId());
      if (d == null || !imageQuestions.contains(v.questionId())) {
        continue;
      }
      ScoredQuestion seeing = variantSeesImages ? v : d;
      ScoredQuestion blind = variantSeesImages ? d : v;
      n++;
      without += blind.correct() ? 1 : 0;
      if (seeing.correct()) {
        withImages++;
        stay += blind.correct() ? 1 : 0;
      }
    }
    return new ImageAudit(n, withImages, stay, without);
  }
}
