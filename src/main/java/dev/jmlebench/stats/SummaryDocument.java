package dev.jmlebench.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.results.RunUsage;
import dev.jmlebench.results.Samples;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.score.Ratio;
import dev.jmlebench.score.Summary;
import dev.jmlebench.score.Tally;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What {@code summary --json} prints: per file the figures its text report shows, in the dialects the project
 * already writes them in — the result file's own {@code summary} object, leaderboard.json's {@code intervals} —
 * so a script reads one vocabulary. Documented key by key in docs/CLI.md; {@link #SCHEMA} is bumped whenever a
 * key is added, removed or changes meaning.
 */
public final class SummaryDocument {
  public static final String SCHEMA = "jmle-bench.summary/1";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SummaryDocument() {}

  /**
   * One file's figures.
   *
   * @param path the file as the user named it
   * @param shown the file as graded (its own key's grading, or the asked key's when it has none)
   * @param key the edition {@code shown} is graded with; {@code criteria} its pass criteria
   * @param askedKey the edition asked for, when it is not {@code key}; null otherwise
   * @param underAsked the summary under {@code askedKey}, or null
   */
  public record File(String path, ResultFile shown, String key, ExamCriteria criteria, String askedKey,
      Summary underAsked, Dataset dataset) {}

  /** The whole document: {@code {"schema": …, "files": [...]}}. */
  public static ObjectNode of(List<File> files) {
    ObjectNode o = NODES.objectNode();
    o.put("schema", SCHEMA);
    ArrayNode array = o.putArray("files");
    files.forEach(f -> array.add(file(f)));
    return o;
  }

  private static ObjectNode file(File f) {
    ResultFile file = f.shown();
    ObjectNode o = NODES.objectNode();
    o.put("file", f.path());
    o.put(ResultSchema.Metadata.DISPLAY_NAME, file.metadata().name());
    o.put(ResultSchema.Metadata.MODEL, file.metadata().model());
    o.put(ResultSchema.Metadata.IMAGE_MODE, file.metadata().imageMode());
    o.put(ResultSchema.Metadata.EXAM, ResultFiles.examOf(file));
    o.put(ResultSchema.Metadata.ANSWER_KEY, f.key());
    o.set(ResultSchema.SUMMARY, ResultFiles.toJson(file.summary()));
    if (f.askedKey() == null) {
      o.putNull("under_asked_key");
    } else {
      ObjectNode under = o.putObject("under_asked_key");
      under.put(ResultSchema.Metadata.ANSWER_KEY, f.askedKey());
      under.set(ResultSchema.SUMMARY, ResultFiles.toJson(f.underAsked()));
    }
    o.set("tokens_and_cost", usage(RunUsage.of(file, f.path()), file.summary()));
    o.set("examinees", Examinees.of(file, f.dataset()).<com.fasterxml.jackson.databind.JsonNode>map(
        SummaryDocument::examinees).orElse(NODES.nullNode()));
    intervals(o, f);
    o.set("repeated_samples", repeats(f));
    return o;
  }

  private static ObjectNode usage(RunUsage u, Summary s) {
    ObjectNode o = NODES.objectNode();
    o.put("answers", u.answers());
    // Unknown is null, never 0: a file that records no usage or no cost says nothing of them.
    o.put(ResultSchema.Usage.PROMPT_TOKENS, u.withUsage() == 0 ? null : u.promptTokens());
    o.put(ResultSchema.Usage.COMPLETION_TOKENS, u.withUsage() == 0 ? null : u.completionTokens());
    o.put(ResultSchema.Usage.REASONING_TOKENS, u.withUsage() == 0 ? null : u.reasoningTokens());
    o.put("answers_with_usage", u.withUsage());
    o.put(ResultSchema.Totals.COST_USD, decimal(u.cost()));
    o.put("cost_usd_per_point", decimal(u.per(s.score())));
    o.put("cost_usd_per_correct", decimal(u.per(s.correct())));
    o.put("answers_priced", u.priced());
    o.put(ResultSchema.Totals.TRUNCATED, u.truncated());
    o.put("answers_with_finish_reason", u.finishReasons());
    return o;
  }

  private static Double decimal(BigDecimal usd) {
    return usd == null ? null : usd.doubleValue();
  }

  private static ObjectNode examinees(Examinees e) {
    ObjectNode o = NODES.objectNode();
    o.set("examinees_right_model_wrong", questions(e.examineesRightModelWrong()));
    o.set("examinees_wrong_model_right", questions(e.examineesWrongModelRight()));
    ObjectNode bands = o.putObject("by_examinee_accuracy");
    for (Map.Entry<String, Tally> band : e.byBand().entrySet()) {
      ObjectNode t = bands.putObject(band.getKey());
      t.put(ResultSchema.Summary.TALLY_CORRECT, band.getValue().correct());
      t.put(ResultSchema.Summary.TALLY_TOTAL, band.getValue().total());
      t.put(ResultSchema.Summary.TALLY_ACCURACY, band.getValue().accuracy());
    }
    return o;
  }

  private static ArrayNode questions(List<Examinees.Question> qs) {
    ArrayNode a = NODES.arrayNode();
    qs.forEach(q -> a.addObject().put(ResultSchema.Result.QUESTION_ID, q.questionId())
        .put("examinee_accuracy", q.examineeAccuracy()));
    return a;
  }

  /** {@code intervals} as leaderboard.json has them, or null with the reason in {@code intervals_unavailable}. */
  private static void intervals(ObjectNode o, File f) {
    if (f.shown().results().isEmpty()) {
      o.putNull("intervals");
      o.put("intervals_unavailable", "the file has no results");
      return;
    }
    try {
      ScoredRun run = ScoredRun.of(f.shown(), f.criteria(), f.dataset(), f.path());
      o.set("intervals", StatisticsJson.run(RunStatistics.of(run, f.criteria(), Bootstrap.DEFAULT)));
    } catch (UserError e) {
      o.putNull("intervals");
      o.put("intervals_unavailable", e.getMessage());
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode repeats(File f) {
    if (!Samples.present(f.shown())) {
      return NODES.nullNode();
    }
    Repeats r;
    try {
      r = Repeats.of(f.shown(), f.criteria(), f.path());
    } catch (UserError e) {
      return NODES.nullNode();
    }
    ObjectNode o = NODES.objectNode();
    o.put(ResultSchema.Result.SAMPLES, r.repeats());
    o.put("questions", r.questions());
    o.put("mean_score", Ratio.round4(r.meanScore()));
    o.put("score_sd", Ratio.round4(r.scoreSd()));
    o.put("min_score", r.minScore());
    o.put("max_score", r.maxScore());
    o.put("majority_score", r.majorityScore());
    o.put("majority_correct", r.majorityCorrect());
    o.put("unanimous", r.unanimous());
    return o;
  }
}
