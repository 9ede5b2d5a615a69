package dev.jmlebench.leaderboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.jmlebench.common.UserError;
import dev.jmlebench.cost.RunCost;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.results.Completeness;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.results.RunMetadata;
import dev.jmlebench.score.Summary;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One result file as the leaderboard sees it: who ran, in which image mode, and the summary figures.
 *
 * @param source the result file's name, used to order ties and named in exports and errors
 * @param exam the exam the questions belong to, e.g. {@code 120}
 */
public record LeaderboardEntry(String source, RunMetadata metadata, Summary summary, ImageMode imageMode,
    String exam) {

  /** Older first: by timestamp (absent = oldest), then by file name, so the later of two files wins. */
  static final Comparator<LeaderboardEntry> OLDEST_FIRST = Comparator
      .comparing((LeaderboardEntry e) -> e.metadata().timestamp(), Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(LeaderboardEntry::source);

  public LeaderboardEntry {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(metadata, "run metadata");
    if (summary == null) {
      throw new UserError(source + ": has no summary; score it first with --rescore or `jmle-bench rescore`");
    }
    Objects.requireNonNull(imageMode, "imageMode");
    Objects.requireNonNull(exam, "the exam");
  }

  /** The entry of a scored result file; its {@code image_mode} must be skip, blind or vision. */
  public static LeaderboardEntry of(String source, ResultFile file) {
    ImageMode mode = ImageMode.fromWireName(file.metadata().imageMode());
    if (mode == null) {
      throw new UserError(source + ": metadata: field 'image_mode' is " + quoted(file.metadata().imageMode())
          + "; a leaderboard needs skip, blind or vision");
    }
    return new LeaderboardEntry(source, file.metadata(), file.summary(), mode, ResultFiles.examOf(file));
  }

  private static String quoted(String s) {
    return s == null ? "missing" : "'" + s + "'";
  }

  /** The display name: {@code display_name}, else the model id. */
  public String name() {
    return metadata.name();
  }

  /** Whether the run answered every question it set out to ask. */
  public Completeness completeness() {
    return Completeness.of(metadata, summary);
  }

  /** What the run cost as its file records it, empty when unknown. */
  public Optional<RunCost> cost() {
    return RunCost.of(metadata);
  }

  /** Answers cut off at the token limit or empty, as the file records them, or null when it does not. */
  public Integer truncated() {
    JsonNode n = totals().get(ResultSchema.Totals.TRUNCATED);
    return n != null && n.canConvertToInt() ? n.intValue() : null;
  }

  private JsonNode totals() {
    JsonNode t = metadata.extra().get(ResultSchema.Metadata.TOTALS);
    return t != null && t.isObject() ? t : JsonNodeFactory.instance.objectNode();
  }

  /** The name as tables show it: marked "(partial 20/400)" when the run is partial. */
  String label() {
    return completeness().label(name());
  }
}
