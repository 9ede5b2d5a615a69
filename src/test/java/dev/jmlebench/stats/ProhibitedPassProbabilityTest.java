package dev.jmlebench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.jmlebench.dataset.Annotation;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.exam.Criteria;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.score.AnswerKey;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.score.Part;
import dev.jmlebench.score.Points;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * P(pass) on the 112th-116th counts the third criterion — at most 3 answers with a prohibited choice, as
 * IgakuQA's authors annotate them, not an official list — with the count resampled with its questions.
 * Checked on IgakuQA's examinees' majority of the 114th (471/496, no prohibited choice) made to choose a
 * prohibited choice on three general one-point questions: the resampled count of those three is then
 * Binomial(m, 3/m) over the m questions of their stratum, so P(pass) must be P(Binomial ≤ 3), about 0.65.
 */
class ProhibitedPassProbabilityTest {
  private static final String EXAM = "114";

  @TempDir Path tmp;

  private ResultFile majority() throws IOException {
    Path out = tmp.resolve("majority.json");
    List<String> args = new ArrayList<>(List.of("import", "igakuqa", "--dataset", SharedData.rootIgakuqa().toString(),
        "--out", out.toString()));
    try (Stream<Path> s = Files.list(SharedData.rootIgakuqa().resolve("baseline_results/2020"))) {
      s.filter(p -> p.getFileName().toString().matches(EXAM + "-[A-F]_student-majority\\.jsonl")).sorted()
          .forEach(p -> args.add(p.toString()));
    }
    Cli.Outcome o = Cli.run(args.toArray(String[]::new));
    assertThat(o.exitCode()).as(o.err()).isZero();
    return ResultFiles.read(out);
  }

  @Test
  void threeProhibitedAnswersLeaveThePassProbabilityOfTheirResampledCountStayingAtThree() throws IOException {
    Dataset d = SharedData.datasetIgakuqa(EXAM);
    assertThat(d.questions()).allSatisfy(q -> assertThat(q.serialGroup()).isEmpty()); // every question its own unit
    ExamCriteria criteria = AnswerKey.of(EXAM, "official").criteria();
    ResultFile majority = majority();
    assertThat(majority.summary().score()).isEqualTo(471);
    assertThat(majority.summary().prohibitedAnswers()).isZero();
    RunStatistics before = RunStatistics.of(majority, criteria, d, "majority");
    assertThat(before.prohibitedJudged()).isTrue();
    assertThat(before.passProbability()).isGreaterThanOrEqualTo(0.999); // 471/496: (nearly) every resample passes

    // Three general one-point questions answered with a prohibited choice (and so wrong).
    List<QuestionResult> changed = new ArrayList<>();
    int made = 0;
    for (QuestionResult r : majority.results()) {
      Question q = d.question(r.questionId()).orElseThrow();
      List<String> prohibited = d.annotation(q.questionId()).map(Annotation::prohibited).orElse(List.of());
      if (made < 3 && !Part.isRequired(q) && Points.of(q) == 1 && !criteria.isExcluded(q.questionId())
          && !prohibited.isEmpty() && r.correct()) {
        changed.add(new QuestionResult(r.questionId(), List.of(prohibited.get(0)), r.gold(), false, r.rawResponse(),
            true, null, r.reasoning(), r.extra()));
        made++;
      } else {
        changed.add(r);
      }
    }
    assertThat(made).isEqualTo(3);
    ResultFile three = majority.withResults(changed);
    RunStatistics after = RunStatistics.of(three, criteria, d, "three");

    // m: the answered, scored general one-point questions — the stratum the three are drawn from.
    int m = (int) three.results().stream().map(r -> d.question(r.questionId()).orElseThrow())
        .filter(q -> !Part.isRequired(q) && Points.of(q) == 1 && !criteria.isExcluded(q.questionId())).count();
    double p = 3.0 / m;
    double atMostThree = 0;
    for (int k = 0; k <= 3; k++) {
      atMostThree += binomial(m, k) * Math.pow(p, k) * Math.pow(1 - p, m - k);
    }
    assertThat(atMostThree).isBetween(0.6, 0.7);
    // The score criteria hold in every resample (468/496 at worst by far): only the count decides. Monte Carlo
    // error of 10,000 resamples: about 0.005.
    System.out.printf("114th examinees' majority with three prohibited answers: P(pass) %.4f, P(Binomial(%d, 3/%d) ≤ 3)"
        + " %.4f, before %.4f%n", after.passProbability(), m, m, atMostThree, before.passProbability());
    assertThat(after.passProbability()).isCloseTo(atMostThree, within(0.02));

    // Without the third criterion the same answers pass every resample, as the figures before this change did.
    Criteria marks = criteria.marks();
    ExamCriteria withoutIt = new ExamCriteria(criteria.exam(), new Criteria(marks.requiredMax(), marks.requiredMinScore(),
        marks.requiredMinRatioWithExclusions(), marks.generalMax(), marks.generalMinScore(), null, null),
        criteria.excludedQuestions(), criteria.correctForEveryone());
    RunStatistics ignoring = RunStatistics.of(three, withoutIt, d, "three");
    assertThat(ignoring.prohibitedJudged()).isFalse();
    assertThat(ignoring.passProbability()).isEqualTo(1.0);
    // The other figures do not move with the third criterion: the draws are the same.
    assertThat(ignoring.scoreCi()).isEqualTo(after.scoreCi());
  }

  @Test
  void theExamsWithoutAnnotatedProhibitedChoicesKeepTheirFigures() {
    Path file = SharedData.results().resolve("openai_gpt-oss-120b_low.json");
    RunStatistics s = RunStatistics.of(ResultFiles.read(file), AnswerKey.of("120", "author").criteria(),
        SharedData.dataset(), file.toString());
    assertThat(s.prohibitedJudged()).isFalse();
    assertThat(s.passProbability()).isEqualTo(0.9939); // docs/STATISTICS.md, statistics version 2 and 3
  }

  private static double binomial(int n, int k) {
    double c = 1;
    for (int i = 0; i < k; i++) {
      c = c * (n - i) / (i + 1);
    }
    return c;
  }
}
