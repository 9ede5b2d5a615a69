package dev.jmlebench.exam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.common.Hashing;
import dev.jmlebench.common.JsonFiles;
import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.ExamOrdinal;
import dev.jmlebench.dataset.QuestionId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of exams bundled as resources, one folder per exam ({@code exam/120/exam.json} and its
 * {@code editions/*.json}), and the reader of an edition file a user gives. Reading validates every field
 * and names the file and field of a fault; nothing here grades.
 */
public final class Exams {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, ExamSpec> LOADED = new ConcurrentHashMap<>();

  private Exams() {}

  /** The exam a command uses when none is named. */
  public static final String DEFAULT = "120";

  /**
   * Exam ids newest first (the highest number first), as every cross-exam table, the viewer and
   * {@code compare --all} order them; an id that is no number comes last.
   */
  public static final Comparator<String> NEWEST_FIRST = Comparator.<String, Integer>comparing(Exams::number)
      .reversed().thenComparing(Comparator.naturalOrder());

  private static int number(String exam) {
    try {
      return Integer.parseInt(exam);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
  private static final String INDEX = "exams.txt";

  /** The bundled exam {@code id}, e.g. {@code "120"}. */
  public static ExamSpec get(String id) {
    return LOADED.computeIfAbsent(id, Exams::load);
  }

  /** The ids of the bundled exams, as {@code exam/exams.txt} lists them (newest first). */
  public static List<String> ids() {
    try (InputStream in = Exams.class.getResourceAsStream(INDEX)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks exam/" + INDEX);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The exam a user named ({@code --exam}): an id not bundled is one line naming the known ones. */
  public static ExamSpec bundled(String id) {
    List<String> known = ids();
    if (!known.contains(id)) {
      throw new UserError("--exam " + id + ": no such exam is bundled; known: "
          + String.join(", ", known.stream().sorted().toList()));
    }
    return get(id);
  }

  /**
   * The manifest of exam {@code exam}'s translation into {@code languageCode}; an exam whose source publishes
   * none is refused in one line naming {@code what} (the flag) and the exams that have one.
   */
  public static String translationManifest(ExamSpec exam, String languageCode, String what) {
    return exam.translationManifest(languageCode).orElseThrow(() -> {
      List<String> offering = ids().stream().filter(id -> get(id).translationManifest(languageCode).isPresent())
          .sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList();
      return new UserError(what + " " + languageCode + ": the " + ExamOrdinal.of(exam.id())
          + " exam's source publishes no translation into it" + (offering.isEmpty() ? ""
              : " (exams with one: " + String.join(", ", offering) + ")"));
    });
  }

  /** How an edition file is named when its own name may not be used: by its content. */
  public static final String CONTENT_NAME_PREFIX = "sha256:";

  /**
   * An edition file a user gives for an exam; its question ids must be the exam's. It keeps the name it gives
   * itself unless that is a bundled edition's name (of any exam: {@code official}, {@code author},
   * {@code igakuqa}) or looks like a content name: then it is named by its content, {@code sha256:} and the
   * first 12 hex digits of the file's SHA-256 — a file can never pass for a bundled edition in a result file,
   * a printed line or a leaderboard.
   */
  public static Edition editionFile(Path file, ExamSpec exam) {
    byte[] bytes = JsonFiles.readBytes(file, "no such edition file");
    JsonNode root = JsonFiles.parse(bytes, file, "");
    Edition e = edition(new ExamJson(root, file.toString(), ""), exam.id(), exam.blocks());
    if (bundledEditionNames().contains(e.name()) || e.name().startsWith(CONTENT_NAME_PREFIX)) {
      return e.named(CONTENT_NAME_PREFIX + Hashing.sha256Hex(bytes).substring(0, 12));
    }
    return e;
  }

  /** The names of every bundled exam's editions. */
  static Set<String> bundledEditionNames() {
    Set<String> names = new HashSet<>();
    ids().forEach(id -> names.addAll(get(id).editions().keySet()));
    return names;
  }

  private static ExamSpec load(String id) {
    String folder = id + "/";
    ExamJson root = resource(folder + "exam.json", id);
    if (!root.text("id").equals(id)) {
      throw root.fault("id: expected " + id + ", the folder's name");
    }
    ExamJson source = root.object("source");
    List<Block> blocks = new ArrayList<>();
    for (ExamJson b : root.objects("blocks")) {
      List<Block.PointRange> points = new ArrayList<>();
      for (ExamJson p : b.objects("points")) {
        points.add(new Block.PointRange(p.integer("from"), p.integer("to"), p.integer("points")));
      }
      try {
        blocks.add(new Block(b.text("name"), b.integer("questions"), b.bool("required"), points));
      } catch (IllegalArgumentException e) {
        throw b.fault(e.getMessage());
      }
    }
    Map<String, Edition> editions = new LinkedHashMap<>();
    for (String name : root.texts("editions")) {
      ExamJson e = resource(folder + "editions/" + name + ".json", id);
      Edition edition = edition(e, id, blocks);
      if (!edition.name().equals(name)) {
        throw e.fault("name: expected " + name + ", the file's name");
      }
      editions.put(name, edition);
    }
    try {
      String format = source.text("format");
      return new ExamSpec(id, root.text("title"), root.text("held"), source.text("repository"),
          source.text("commit"), "/" + source.text("manifest"), format, blocks, root.integer("image_questions"),
          editions,
          root.text("default_edition"),
          root.node().has("answer_letters") ? root.text("answer_letters") : ExamSpec.SPEC_LETTERS,
          translations(source));
    } catch (IllegalArgumentException e) {
      throw root.fault(e.getMessage());
    }
  }

  /** {@code source.translations}: language code → bundled manifest; absent when the source has none. */
  private static Map<String, String> translations(ExamJson source) {
    Map<String, String> out = new LinkedHashMap<>();
    if (source.node().has("translations")) {
      ExamJson t = source.object("translations");
      t.node().fieldNames().forEachRemaining(code -> out.put(code, "/" + t.text(code)));
    }
    return out;
  }

  private static ExamJson resource(String name, String exam) {
    try (InputStream in = Exams.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new UserError("no exam " + exam + " is bundled (missing " + name + ")");
      }
      return new ExamJson(JSON.readTree(in), "exam/" + name, "");
    } catch (IOException e) {
      throw new UserError("exam/" + name + ": cannot read: " + e.getMessage());
    }
  }

  private static Edition edition(ExamJson e, String exam, List<Block> blocks) {
    if (!e.text("exam").equals(exam)) {
      throw e.fault("exam: expected " + exam + ", not " + e.text("exam"));
    }
    Map<String, List<String>> answers = new LinkedHashMap<>();
    ExamJson answerNode = e.object("answers");
    var fields = answerNode.node().fields();
    while (fields.hasNext()) {
      var f = fields.next();
      String at = e.where("answers") + "." + f.getKey();
      checkQuestion(f.getKey(), exam, blocks, e.file(), at);
      List<String> gold = answerNode.texts(f.getValue(), at);
      if (gold.isEmpty()) {
        throw new UserError(e.file() + ": " + at + ": a gold answer needs at least one value");
      }
      answers.put(f.getKey(), gold);
    }
    Set<String> excluded = new LinkedHashSet<>();
    for (String id : e.texts("excluded_questions")) {
      checkQuestion(id, exam, blocks, e.file(), e.where("excluded_questions"));
      excluded.add(id);
    }
    ExamJson c = e.object("criteria");
    ExamJson req = c.object("required");
    ExamJson gen = c.object("general");
    Criteria criteria;
    try {
      ExamJson prohibited = c.node().has("prohibited_choices") ? c.object("prohibited_choices") : null;
      criteria = new Criteria(req.integer("max"), req.integer("min_score"), req.ratio("min_ratio_with_exclusions"),
          gen.integer("max"), gen.integer("min_score"), prohibited == null ? null : prohibited.integer("max"),
          prohibited == null ? null : prohibited.text("annotated_by"));
    } catch (IllegalArgumentException ex) {
      throw c.fault(ex.getMessage());
    }
    Map<String, String> comparison = new LinkedHashMap<>();
    ExamJson cmp = e.object("comparison");
    Set<String> names = new HashSet<>();
    cmp.node().fieldNames().forEachRemaining(names::add);
    for (String type : names) {
      comparison.put(type, cmp.text(type));
    }
    List<Citation> sources = new ArrayList<>();
    for (ExamJson s : e.objects("sources")) {
      sources.add(new Citation(s.text("what"), s.text("url")));
    }
    if (sources.isEmpty()) {
      throw e.fault("sources: an edition cites where its rules come from; none given");
    }
    Map<String, List<List<String>>> alternatives = new LinkedHashMap<>();
    if (e.node().has("accepted_alternatives")) {
      ExamJson alt = e.object("accepted_alternatives");
      var entries = alt.node().fields();
      while (entries.hasNext()) {
        var f = entries.next();
        String at = e.where("accepted_alternatives") + "." + f.getKey();
        checkQuestion(f.getKey(), exam, blocks, e.file(), at);
        if (!f.getValue().isArray() || f.getValue().size() < 2) {
          throw new UserError(e.file() + ": " + at + ": expected at least two alternative answers, each an array");
        }
        List<List<String>> answersOf = new ArrayList<>();
        for (JsonNode one : f.getValue()) {
          answersOf.add(alt.texts(one, at));
        }
        alternatives.put(f.getKey(), answersOf);
      }
    }
    Set<String> forEveryone = new LinkedHashSet<>();
    if (e.node().has("correct_for_everyone")) {
      for (String id : e.texts("correct_for_everyone")) {
        checkQuestion(id, exam, blocks, e.file(), e.where("correct_for_everyone"));
        forEveryone.add(id);
      }
    }
    String calculationGold = e.node().has("calculation_gold") ? e.text("calculation_gold") : Edition.DATASET_GOLD;
    try {
      return new Edition(exam, e.text("name"), e.text("title"), e.text("published"), e.text("description"),
          answers, criteria, excluded, alternatives, forEveryone, comparison, calculationGold, sources);
    } catch (IllegalArgumentException ex) {
      throw e.fault(ex.getMessage());
    }
  }

  /** A question id the edition names must be one of the exam's questions. */
  private static void checkQuestion(String id, String exam, List<Block> blocks, String file, String at) {
    boolean known = QuestionId.parse(id)
        .filter(q -> q.exam().equals(exam))
        .flatMap(q -> blocks.stream().filter(b -> b.name().equals(q.block()) && q.number() <= b.questions())
            .findFirst())
        .isPresent();
    if (!known) {
      throw new UserError(file + ": " + at + ": '" + id + "' is not a question of the " + ExamOrdinal.of(exam)
          + " exam");
    }
  }
}
