package dev.jmlebench.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.Rescorer;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultSchema.Metadata;
import dev.jmlebench.results.Samples;
import dev.jmlebench.score.AnswerKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a resumed run keeps: the answered samples of the earlier result file and of its journal (a journal
 * line is newer than the file), re-graded against the current gold answers; what {@code --retry} names
 * ({@link Reask}: failed requests always, unparsed or truncated answers on request) is asked again. A run
 * that asks once has one sample per question, sample 0.
 *
 * <p>Answers are kept only when they were given to the same question texts and graded by the same answer
 * key: a file made with another dataset is refused, unless only the key changed and the user asks to
 * re-grade ({@code --regrade}).
 *
 * <p>Both are read one result at a time ({@link ResultFiles#scan}, {@link Journal#read}): each answer is kept
 * without its texts, beside where they are, so a resumed run holds no more than a fresh one.
 *
 * @param kept per question id, the kept samples by sample number, graded by the current key
 * @param timestamp the earlier file's timestamp (the start of the run's first segment), or null when none
 * @param file the earlier result file without its results, or null: what this run does not write itself is carried
 *     over from it
 * @param wallMs the wall time of the earlier segments (file or journal, whichever knows more)
 * @param held every sample the earlier run holds, kept or not ({@link #sampleKey})
 */
record EarlierResults(Map<String, Map<Integer, Answers.Held>> kept, String timestamp, ResultFile file,
    long wallMs, Set<String> held) {
  /** The data a run is made with, as a result file's metadata and a journal's header record it. */
  record Data(String datasetSha256, String questionsSha256) {
    static Data of(JsonNode fields) {
      return new Data(fields.path(Metadata.DATASET_SHA256).asText(null),
          fields.path(Metadata.QUESTIONS_SHA256).asText(null));
    }
  }

  /**
   * An earlier answer as found: as stored (what {@code --retry} judges), graded by the current key (null when its
   * question is not in the dataset, which is refused below), and where it is.
   */
  private record Found(QuestionResult stored, QuestionResult regraded, AnswerPlace place) {
    static Found of(QuestionResult whole, AnswerPlace place, Dataset dataset, AnswerKey key) {
      QuestionResult regraded = dataset.question(whole.questionId())
          .map(q -> Rescorer.rescore(q, whole, key).withoutTexts()).orElse(null);
      return new Found(whole.withoutTexts(), regraded, place);
    }
  }

  static String sampleKey(String questionId, int sample) {
    return questionId + "#" + sample;
  }

  static EarlierResults load(Path resultFile, Path journal, RunSpec spec, Dataset dataset, Data current,
      Set<String> selected, boolean regrade, AnswerKey key) {
    int repeats = spec.repeats();
    Set<Reask> reask = spec.reask();
    Map<String, TreeMap<Integer, Found>> latest = new LinkedHashMap<>();
    String timestamp = null;
    ResultFile earlier = null;
    long wallMs = 0;
    if (Files.exists(resultFile)) {
      List<QuestionResult> stored = new ArrayList<>();
      earlier = ResultFiles.scan(resultFile, (r, span) -> {
        stored.add(r.withoutTexts());
        List<QuestionResult> samples = Samples.of(r, resultFile.toString());
        for (int k = 0; k < samples.size(); k++) {
          if (samples.get(k) != null) {
            latest.computeIfAbsent(r.questionId(), id -> new TreeMap<>())
                .put(k, Found.of(samples.get(k), new AnswerPlace.InResultFile(resultFile, span, k), dataset, key));
          }
        }
      });
      RecordedRun.requireSame(resultFile, ResultFiles.toJson(earlier.metadata()),
          ResultFiles.examOf(earlier.withResults(stored)), spec, regrade);
      timestamp = earlier.metadata().timestamp();
      JsonNode wall = earlier.metadata().extra().get(Metadata.WALL_TIME_MS);
      wallMs = wall != null && wall.canConvertToLong() ? wall.longValue() : 0;
      ObjectNode fields = JsonNodeFactory.instance.objectNode();
      earlier.metadata().extra().forEach(fields::set);
      requireSameData(resultFile, Data.of(fields), current, stored, dataset, key, regrade);
    }
    List<QuestionResult> journaledResults = new ArrayList<>();
    Journal.Contents journaled = Journal.read(journal, (sample, r, line) -> {
      journaledResults.add(r.withoutTexts());
      latest.computeIfAbsent(r.questionId(), id -> new TreeMap<>())
          .put(sample, Found.of(r, new AnswerPlace.InJournal(journal, line), dataset, key));
    });
    if (journaled.model() != null) {
      RecordedRun.requireSame(journal, journaled, spec, regrade);
      requireSameData(journal, Data.of(journaled.header()), current, journaledResults, dataset, key, regrade);
    }
    wallMs = Math.max(wallMs, journaled.wallMs());

    Map<String, Map<Integer, Answers.Held>> kept = new LinkedHashMap<>();
    Set<String> heldSamples = new HashSet<>();
    latest.forEach((id, samples) -> {
      if (dataset.question(id).isEmpty()) {
        throw new UserError(resultFile + ": unknown question id '" + id + "' (not in the dataset)");
      }
      // Rewriting the file without it would lose an answer that was paid for.
      if (!selected.contains(id)) {
        throw new UserError(resultFile + " holds " + id
            + ", which this run does not ask (--questions, --limit or --image-mode differ); choose another --out");
      }
      int held = samples.lastKey() + 1;
      if (held > repeats) {
        throw new UserError(resultFile + " holds " + held + " samples of " + id + ", more than --repeats "
            + repeats + " asks: pass --repeats " + held + " to resume it, or choose another --out");
      }
      samples.forEach((k, found) -> {
        heldSamples.add(sampleKey(id, k));
        if (Reask.keeps(reask, found.stored())) {
          kept.computeIfAbsent(id, x -> new TreeMap<>()).put(k, Answers.Held.slim(found.regraded(), found.place()));
        }
      });
    });
    return new EarlierResults(kept, timestamp, earlier, wallMs, heldSamples);
  }

  /**
   * Refuses answers given to other question texts (always) and answers graded by another key (unless
   * {@code regrade}). A file that does not record its dataset (a published one, or made by hand) is
   * re-graded by the current key, as SPEC §5 says of every resume.
   */
  private static void requireSameData(Path file, Data earlier, Data current, List<QuestionResult> results,
      Dataset dataset, AnswerKey key, boolean regrade) {
    if (earlier.datasetSha256() == null || earlier.datasetSha256().equals(current.datasetSha256())) {
      return;
    }
    if (earlier.questionsSha256() != null && !earlier.questionsSha256().equals(current.questionsSha256())) {
      throw new UserError(file + " was made with other question texts than " + dataset.jsonFile()
          + ": its answers cannot be kept for these questions; choose another --out");
    }
    if (regrade) {
      return;
    }
    List<String> changed = results.stream()
        .filter(r -> dataset.question(r.questionId()).map(q -> !sorted(key.gold(q)).equals(sorted(r.gold())))
            .orElse(false))
        .map(QuestionResult::questionId).distinct().sorted().toList();
    String what = changed.isEmpty()
        ? "another dataset (dataset_sha256 " + abbreviate(earlier.datasetSha256()) + ", this one "
            + abbreviate(current.datasetSha256()) + ")"
        : "another answer key (" + changed.size() + " gold answer" + (changed.size() == 1 ? " differs: " : "s differ: ")
            + String.join(" ", changed.subList(0, Math.min(5, changed.size()))) + (changed.size() > 5 ? " …" : "")
            + ")";
    throw new UserError(file + " was made with " + what + ": pass --regrade to keep its answers and grade them "
        + "against " + dataset.jsonFile() + ", or choose another --out");
  }

  private static List<String> sorted(List<String> values) {
    return values.stream().sorted().toList();
  }

  private static String abbreviate(String sha) {
    return sha == null ? "unknown" : sha.substring(0, Math.min(12, sha.length())) + "…";
  }
}
