package dev.jmlebench.viewer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.exam.Exams;
import dev.jmlebench.results.Completeness;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.results.RunMetadata;
import dev.jmlebench.score.ExamCriteria;
import dev.jmlebench.score.Percent;
import dev.jmlebench.score.Points;
import dev.jmlebench.score.Summary;
import dev.jmlebench.stats.Bootstrap;
import dev.jmlebench.stats.StatisticsJson;
import dev.jmlebench.viewer.ViewerData.Run;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data behind every page of one exam, as JSON documents named by key ({@link ViewerSite} puts the exams
 * of a folder together). The server answers {@code /api/KEY}; a
 * static report holds the same bytes in {@code data/KEY.js}. Each model answer's long text (reasoning, raw
 * response, both rendered) lives in exactly one document, so that a page fetches only the answers it shows
 * and a report holds each answer once. Keys:
 * <ul>
 *   <li>{@code index}: exam, pass criteria, the folder's exams when it holds several, every run with its
 *       summary, its confidence intervals and pass probability, its cost when its file records one, and one outcome letter per question, the
 *       cost-vs-score chart when a run has a cost ({@link ViewerCost}), and every question's metadata (the
 *       leaderboard, the hardest questions and the question lists);
 *   <li>{@code model/ID}: one run's metadata and, per question, its answer, latency and tokens;
 *   <li>{@code question/QID}: one question in full and every run's answer letters, outcome and usage;
 *   <li>{@code answer/ID/QID}: one run's answer to one question with reasoning and raw response, rendered as
 *       safe HTML;
 *   <li>{@code robustness/ID}: the robustness card whose default run is ID ({@link ViewerCards}); the model
 *       document of each run on it names it as {@code robustness};
 *   <li>{@code pairs}: every pair of runs compared (the matrix), and {@code pair/IDa/IDb} one pair in full,
 *       A the higher-ranked (see {@link ViewerStatistics}); absent with a single run;
 *   <li>{@code question-texts}: every question's full text as the model is asked it (case text first), and
 *       {@code answer-texts/ID} one run's answers as plain text (raw response, reasoning): what the search
 *       view reads, only when someone searches.
 * </ul>
 * A new view adds a key here, and both the server and the report carry it.
 */
public final class ViewerApi {
  /** Outcome letters: correct, incorrect, parse failure, request error, not attempted. */
  static final char CORRECT = 'c';
  static final char INCORRECT = 'i';
  static final char PARSE_FAILURE = 'p';
  static final char ERROR = 'e';
  static final char NOT_ATTEMPTED = '-';

  static final String QUESTION_TEXTS = "question-texts";
  static final String ANSWER_TEXTS = "answer-texts";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SNIPPET_LENGTH = 80;

  private final ViewerData data;
  private final List<Map<String, QuestionResult>> resultsByRun = new ArrayList<>();
  private final Map<String, Run> runsById = new LinkedHashMap<>();
  /** Each run's place in {@code data.runs()} by id: a run is a record of its whole file, too costly to compare. */
  private final Map<String, Integer> rankById = new HashMap<>();
  /** The index and each model's document, built while loading: the pages every visit starts with. */
  private final Map<String, byte[]> prebuilt = new HashMap<>();
  private final DocumentCache built = new DocumentCache(DocumentCache.DEFAULT_BUDGET);
  private final Reuse reuse;
  private final ViewerStatistics statistics;
  private final ViewerCards cards;
  private final ViewerExam exam;
  /** Every exam of the folder, newest first, when there are several (the pages' exam switch); else empty. */
  private final List<String> folderExams;
  /** Null when the whole folder was read. */
  private final Partial partial;

  public ViewerApi(ViewerData data) {
    this(data, ViewerExam.of(data.dataset(), data.criteria()), List.of(), new Reuse());
  }

  /**
   * One exam of a folder that holds {@code folderExams} (newest first), reusing what {@code reuse} holds of
   * unchanged files.
   */
  ViewerApi(ViewerData data, List<String> folderExams, Reuse reuse) {
    this(data, ViewerExam.of(data.dataset(), data.criteria()), folderExams, reuse, null);
  }

  /** As {@link #ViewerApi(ViewerData, List, Reuse)}, of part of the folder when {@code partial} says so. */
  ViewerApi(ViewerData data, List<String> folderExams, Reuse reuse, Partial partial) {
    this(data, ViewerExam.of(data.dataset(), data.criteria()), folderExams, reuse, partial);
  }

  /**
   * A site of part of a folder still being read: {@code read} of its {@code files} listed. The index says so
   * ({@code reading}), and every page shows it: ranks and figures of part of a folder are not the folder's.
   */
  record Partial(int read, int files) {}

  ViewerApi(ViewerData data, ViewerExam exam) {
    this(data, exam, List.of(), new Reuse());
  }

  private ViewerApi(ViewerData data, ViewerExam exam, List<String> folderExams, Reuse reuse) {
    this(data, exam, folderExams, reuse, null);
  }

  private ViewerApi(ViewerData data, ViewerExam exam, List<String> folderExams, Reuse reuse, Partial partial) {
    this.partial = partial;
    this.data = data;
    this.exam = exam;
    this.reuse = reuse;
    this.folderExams = folderExams.size() > 1 ? List.copyOf(folderExams) : List.of();
    this.statistics = new ViewerStatistics(data, reuse);
    this.cards = new ViewerCards(data);
    for (Run run : data.runs()) {
      Map<String, QuestionResult> byId = new HashMap<>();
      for (QuestionResult r : run.result().results()) {
        byId.put(r.questionId(), r);
      }
      resultsByRun.add(byId);
      rankById.put(run.id(), rankById.size());
      runsById.put(run.id(), run);
    }
    prebuilt.put("index", bytes(index()));
    for (Run run : data.runs()) {
      prebuilt.put("model/" + run.id(), bytes(model(run)));
    }
  }

  public ViewerData data() {
    return data;
  }

  /** Every key, in a stable order: the index, each model, each question, each answer, the pairs. */
  public List<String> keys() {
    return keys(false);
  }

  /** The keys a static report holds: {@link #keys()}, but of an exam's pairs only those ViewerStatistics#reportPairKeys names. */
  public List<String> reportKeys() {
    return keys(true);
  }

  private List<String> keys(boolean forReport) {
    List<String> keys = new ArrayList<>();
    keys.add("index");
    runsById.keySet().forEach(id -> keys.add("model/" + id));
    data.dataset().questions().forEach(q -> keys.add("question/" + q.questionId()));
    for (int i = 0; i < data.runs().size(); i++) {
      String id = data.runs().get(i).id();
      for (Question q : data.dataset().questions()) {
        if (resultsByRun.get(i).containsKey(q.questionId())) {
          keys.add("answer/" + id + "/" + q.questionId());
        }
      }
    }
    keys.add(QUESTION_TEXTS);
    runsById.keySet().forEach(id -> keys.add(ANSWER_TEXTS + "/" + id));
    keys.addAll(cards.keys());
    List<String> pairs = forReport ? statistics.reportPairKeys() : statistics.pairKeys();
    if (!pairs.isEmpty()) {
      keys.add("pairs");
      pairs.forEach(k -> keys.add("pair/" + k));
    }
    return keys;
  }

  /**
   * The JSON of a key, or empty for a key that names nothing. Documents other than the index and the models
   * are built when first asked, once however many ask at the same time, and kept within a budget.
   */
  public Optional<byte[]> json(String key) {
    byte[] ready = prebuilt.get(key);
    if (ready != null) {
      return Optional.of(ready);
    }
    String pair = pairKey(key);
    if (pair != null) {
      return reuse.pairs.get(pair, () -> build(key).map(ViewerApi::bytes));
    }
    return built.get(key, () -> build(key).map(ViewerApi::bytes));
  }

  /** Whether the document of {@code key} is built, so that sending it costs no work. */
  boolean ready(String key) {
    String pair = pairKey(key);
    return prebuilt.containsKey(key) || (pair != null ? reuse.pairs.has(pair) : built.has(key));
  }

  /**
   * A pair's document is kept by its two files ({@link Reuse}), so that it outlives a new reading of the
   * folder while both are unchanged; null for any other key or an unknown run.
   */
  private String pairKey(String key) {
    if (!key.startsWith("pair/")) {
      return null;
    }
    String[] parts = key.split("/", -1);
    Run a = parts.length == 3 ? runsById.get(parts[1]) : null;
    Run b = parts.length == 3 ? runsById.get(parts[2]) : null;
    return a == null || b == null ? null : Reuse.pairKey(key, a.stamp(), b.stamp());
  }

  /** How many documents were built on demand (pairs included, over every reading of the folder). */
  int documentsBuilt() {
    return built.builds() + reuse.pairs.builds();
  }

  private Optional<JsonNode> build(String key) {
    String[] parts = key.split("/", -1);
    switch (parts[0]) {
      case "question":
        return parts.length == 2 ? data.dataset().question(parts[1]).map(this::question) : Optional.empty();
      case "answer":
        if (parts.length != 3 || !runsById.containsKey(parts[1])) {
          return Optional.empty();
        }
        Run run = runsById.get(parts[1]);
        QuestionResult r = resultsByRun.get(rankById.get(run.id())).get(parts[2]);
        return r == null ? Optional.empty() : Optional.of(answer(run, r));
      case QUESTION_TEXTS:
        return parts.length == 1 ? Optional.of(questionTexts()) : Optional.empty();
      case ANSWER_TEXTS:
        return parts.length == 2 && runsById.containsKey(parts[1])
            ? Optional.of(answerTexts(data.runs().indexOf(runsById.get(parts[1])))) : Optional.empty();
      case ViewerCards.KEY:
        return cards.json(key);
      case "pairs":
        return parts.length == 1 ? statistics.pairsJson().map(JsonNode.class::cast) : Optional.empty();
      case "pair":
        return parts.length == 3 ? statistics.pairJson(parts[1], parts[2]).map(JsonNode.class::cast) : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  private ObjectNode index() {
    ObjectNode root = JSON.createObjectNode();
    if (partial != null) {
      root.putObject("reading").put("read", partial.read()).put("files", partial.files());
    }
    root.set(ResultSchema.Metadata.EXAM, exam.json(data.runs(), statistics::scorePctCi));
    root.set("bootstrap", StatisticsJson.bootstrap(Bootstrap.DEFAULT));
    ViewerCost.chart(data.runs(), data.criteria()).ifPresent(c -> root.set("cost_chart", c));
    if (!folderExams.isEmpty()) {
      // The exam switch: each exam's id and when it was held, newest first; the first is the folder's default.
      ArrayNode exams = root.putArray("exams");
      folderExams.forEach(id -> exams.addObject().put("id", id).put("held", Exams.get(id).held()));
    }
    ArrayNode models = root.putArray("models");
    for (int i = 0; i < data.runs().size(); i++) {
      Run run = data.runs().get(i);
      ObjectNode m = models.addObject();
      metadata(m, run);
      m.put("rank", i + 1);
      m.set(ResultSchema.SUMMARY, summary(run.summary()));
      m.set("stats", statistics.runJson(run));
      ViewerCost.run(run).ifPresent(c -> m.set("run_cost", c));
      StringBuilder outcomes = new StringBuilder();
      for (Question q : data.dataset().questions()) {
        outcomes.append(outcome(resultsByRun.get(i).get(q.questionId())));
      }
      m.put("outcomes", outcomes.toString());
    }
    ArrayNode questions = root.putArray("questions");
    for (Question q : data.dataset().questions()) {
      ObjectNode o = questions.addObject();
      o.put("id", q.questionId());
      o.put("block", q.block());
      o.put("number", q.number());
      o.put("type", q.type().wireName());
      o.put("image", q.requiresImage());
      o.put("points", Points.of(q));
      o.put("required", exam.isRequired(q.block()));
      strings(o.putArray(ResultSchema.Result.GOLD), data.key().gold(q)); // the key's, as graded
      o.put("gold_text", data.key().goldText(q)); // as the pages show it: "a or c" where either is right
      o.put("snippet", snippet(q.text()));
      data.dataset().annotation(q.questionId()).ifPresent(a -> {
        a.examineeAccuracy().ifPresent(x -> o.put("examinee_accuracy", x));
        if (!a.prohibited().isEmpty()) {
          strings(o.putArray("prohibited"), a.prohibited());
        }
      });
    }
    return root;
  }

  private ObjectNode model(Run run) {
    ObjectNode root = JSON.createObjectNode();
    metadata(root, run);
    root.set(ResultSchema.METADATA, ResultFiles.toJson(run.result().metadata()));
    cards.keyOf(run.id()).ifPresent(k -> root.put(ViewerCards.KEY, k));
    ArrayNode results = root.putArray(ResultSchema.RESULTS);
    int index = rankById.get(run.id());
    for (Question q : data.dataset().questions()) {
      QuestionResult r = resultsByRun.get(index).get(q.questionId());
      ObjectNode o = results.addObject();
      o.put("q", q.questionId());
      o.put("outcome", String.valueOf(outcome(r)));
      if (r != null) {
        strings(o.putArray(ResultSchema.Result.PREDICTED), r.predicted());
        markProhibited(o, q, r);
        JsonNode latency = r.extra().get(ResultSchema.Result.LATENCY_MS);
        if (latency != null && latency.isNumber()) {
          o.put(ResultSchema.Result.LATENCY_MS, latency.asLong());
        }
        r.tokens().ifPresent(t -> o.put("tokens", t));
      }
    }
    return root;
  }

  private ObjectNode question(Question q) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode o = root.putObject("question");
    o.put("id", q.questionId());
    o.put("block", q.block());
    o.put("number", q.number());
    o.put("type", q.type().wireName());
    o.put("points", Points.of(q));
    o.put("required", exam.isRequired(q.block()));
    o.put("choose", q.numChoicesToSelect());
    o.put("text", q.text());
    q.serialGroup().ifPresent(g -> {
      o.put("group", g.groupId());
      o.put("context", g.contextText());
      strings(o.putArray("group_questions"), g.questions());
    });
    strings(o.putArray("images"), q.clinicalImages());
    strings(o.putArray(ResultSchema.Result.GOLD), data.key().gold(q)); // the key's, as graded
    o.put("gold_text", data.key().goldText(q)); // as the pages show it: "a or c" where either is right
    data.dataset().annotation(q.questionId()).ifPresent(a -> {
      // The examinees' answers and the prohibited choices, as the source (IgakuQA) publishes them.
      ObjectNode examinees = o.putObject("examinees");
      a.examineeAccuracy().ifPresent(x -> examinees.put("share_right", x));
      ObjectNode shares = examinees.putObject("shares");
      for (int i = 0; i < a.choiceShares().size(); i++) {
        shares.put(String.valueOf((char) ('a' + i)), a.choiceShares().get(i));
      }
      if (!a.prohibited().isEmpty()) {
        ObjectNode prohibited = o.putObject("prohibited");
        strings(prohibited.putArray("choices"), a.prohibited());
        prohibited.put("reason", a.prohibitedReason());
        String by = data.criteria().marks().prohibitedAnnotatedBy(); // null under an edition that does not judge them
        prohibited.put("annotated_by", ExamCriteria.notOfficial(by == null ? "the dataset's source" : by));
      }
    });
    ArrayNode results = root.putArray(ResultSchema.RESULTS);
    for (int i = 0; i < data.runs().size(); i++) {
      QuestionResult r = resultsByRun.get(i).get(q.questionId());
      ObjectNode a = results.addObject();
      a.put("run", data.runs().get(i).id());
      a.put("outcome", String.valueOf(outcome(r)));
      if (r != null) {
        strings(a.putArray(ResultSchema.Result.PREDICTED), r.predicted());
        markProhibited(a, q, r);
        extra(a, r);
      }
    }
    return root;
  }

  /** Each question's text as the model is asked it (SPEC §2: the case text first), in the index's order. */
  private ObjectNode questionTexts() {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode texts = root.putArray("texts");
    for (Question q : data.dataset().questions()) {
      texts.add(q.serialGroup().map(g -> g.contextText() + "\n\n").orElse("") + q.text());
    }
    return root;
  }

  /** One run's answers as the model wrote them, in the index's order: null where it has none. */
  private ObjectNode answerTexts(int run) {
    ObjectNode root = JSON.createObjectNode();
    root.put("run", data.runs().get(run).id());
    ArrayNode answers = root.putArray("answers");
    // The texts are not held in memory (Slim): they come from the file, read again.
    Map<String, QuestionResult> texts = reuse.texts(data.runs().get(run).stamp());
    for (Question q : data.dataset().questions()) {
      QuestionResult r = resultsByRun.get(run).get(q.questionId());
      if (r == null) {
        answers.addNull();
        continue;
      }
      QuestionResult full = texts.getOrDefault(q.questionId(), r);
      ObjectNode a = answers.addObject();
      a.put(ResultSchema.Result.RAW_RESPONSE, full == r ? "" : full.rawResponse());
      if (full != r && full.reasoning() != null) {
        a.put(ResultSchema.Result.REASONING, full.reasoning());
      }
      if (r.error() != null) {
        a.put(ResultSchema.Result.ERROR, r.error());
      }
    }
    return root;
  }

  /** Marks an answer that includes a prohibited choice (禁忌肢, as the source annotates them). */
  private void markProhibited(ObjectNode o, Question q, QuestionResult r) {
    data.dataset().annotation(q.questionId()).filter(r::choosesProhibited).ifPresent(a -> {
      o.put("prohibited", true);
      o.put("prohibited_reason", a.prohibitedReason());
    });
  }

  private ObjectNode answer(Run run, QuestionResult r) {
    ObjectNode a = JSON.createObjectNode();
    a.put("run", run.id());
    a.put("question", r.questionId());
    a.put("outcome", String.valueOf(outcome(r)));
    strings(a.putArray(ResultSchema.Result.PREDICTED), r.predicted());
    a.put(ResultSchema.Result.ERROR, r.error());
    // The texts are not held in memory (Slim): they come from the file, read again.
    QuestionResult texts = reuse.texts(run.stamp()).get(r.questionId());
    String reasoning = texts == null ? null : texts.reasoning();
    String raw = texts == null ? "" : texts.rawResponse();
    a.put(ResultSchema.Result.REASONING, reasoning);
    a.put("reasoning_html", SafeMarkdown.render(reasoning));
    a.put(ResultSchema.Result.RAW_RESPONSE, raw);
    a.put("raw_response_html", SafeMarkdown.render(raw));
    extra(a, r);
    return a;
  }

  private static void extra(ObjectNode a, QuestionResult r) {
    ObjectNode extra = a.putObject("extra");
    r.extra().forEach(extra::set);
  }

  private void metadata(ObjectNode m, Run run) {
    RunMetadata md = run.result().metadata();
    Completeness done = Completeness.of(md, run.summary());
    m.put("id", run.id());
    m.put("name", data.label(run));
    m.put("partial", done.partial());
    m.put("answered", done.answered());
    m.put("expected", done.expected());
    m.put(ResultSchema.Metadata.MODEL, md.model());
    m.put("file", run.file().getFileName().toString());
    m.put(ResultSchema.Metadata.IMAGE_MODE, md.imageMode());
    m.put("vision", ImageMode.VISION.wireName().equals(md.imageMode()));
  }

  /**
   * A summary as result files write it, with what the pages show besides: the questions attempted, whether
   * the run passes, and the shares as the summary command prints them.
   */
  private static ObjectNode summary(Summary s) {
    ObjectNode o = ResultFiles.toJson(s);
    o.put(ResultSchema.Metadata.ATTEMPTED, s.attempted());
    o.put("passed", s.passed());
    o.put("accuracy_text", Percent.format(s.accuracy()));
    o.put("score_pct_text", Percent.format(s.scorePct()));
    o.put("text_only_score_pct_text", Percent.format(s.textOnlyScorePct()));
    return o;
  }

  static char outcome(QuestionResult r) {
    if (r == null) {
      return NOT_ATTEMPTED;
    }
    return switch (r.outcome()) {
      case CORRECT -> CORRECT;
      case WRONG -> INCORRECT;
      case UNPARSED -> PARSE_FAILURE;
      case ERROR -> ERROR;
    };
  }

  /** The question's first words, without its number, for lists. */
  private static String snippet(String text) {
    String flat = text.replaceAll("(?U)\\s+", " ").strip().replaceFirst("^\\d+ ?", "");
    return flat.length() <= SNIPPET_LENGTH ? flat : flat.substring(0, SNIPPET_LENGTH) + "…";
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
