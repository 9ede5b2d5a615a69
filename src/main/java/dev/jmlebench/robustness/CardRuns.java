package dev.jmlebench.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.ExamOrdinal;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.runner.RunField;
import dev.jmlebench.runner.RunSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which runs of a folder are on a model's card: the runs of one model and exam, the default run among them, and
 * each other run that differs from it in exactly one identity field — the fields of {@link RunSpec} that change
 * what is asked ({@link RunField#identity()}), compared as a resume compares them. The question subset
 * ({@code --questions}, {@code --limit}) does not count: a run of part of the exam (the image audit asks the
 * image questions alone) is compared on the questions it asked. Nor does the answer key: every run is graded
 * with the card's.
 */
public final class CardRuns {
  /** Fields a card does not compare: the subset is paired question by question, the key is the card's. */
  private static final Set<RunField<?>> NOT_COMPARED = Set.of(RunField.QUESTIONS, RunField.LIMIT,
      RunField.ANSWER_KEY);

  /** The metadata of the fields whose every value but the default makes a run a variant (docs/ROBUSTNESS.md). */
  private static final List<String> VARIANT_FIELDS = List.of(ResultSchema.Metadata.CHOICE_ORDER,
      ResultSchema.Metadata.LANGUAGE);

  private CardRuns() {}

  /** A result file of the folder, read. */
  public record Candidate(String file, ResultFile result) {
    String exam() {
      return ResultFiles.examOf(result);
    }

    String model() {
      return result.metadata().model();
    }

    JsonNode metadata() {
      return ResultFiles.toJson(result.metadata());
    }

    RunSpec spec() {
      return RunSpec.fromMetadata(metadata(), exam(), RunSpec.NO_ENVIRONMENT, file);
    }

    boolean subset() {
      RunSpec s = spec();
      return !s.questions().isEmpty() || s.limit() != null;
    }
  }

  /** A run on the card and what sets it apart (null for the default run). */
  public record Chosen(Candidate candidate, Variant variant) {}

  /**
   * @param variants each run that differs from the default in one field, in file order
   * @param left the model's other runs of the exam, with why each is not on the card
   */
  public record Selection(String model, String exam, Candidate defaultRun, List<Chosen> variants,
      List<RobustnessCard.Left> left) {}

  /**
   * @param candidates every result file of the folder
   * @param model the model asked for (its id or display name); null when the folder holds one
   * @param exam the exam asked for; null when the model's runs are of one
   * @param defaultFile the default run asked for (a file of the folder); null to find it
   * @param folder names the folder in messages
   */
  public static Selection select(List<Candidate> candidates, String model, String exam, String defaultFile,
      String folder) {
    if (candidates.isEmpty()) {
      throw new UserError(folder + ": no result file (*.json) here");
    }
    List<Candidate> ofModel = candidates.stream().filter(c -> model == null || model.equals(c.model())
        || model.equals(c.result().metadata().name())).toList();
    if (ofModel.isEmpty()) {
      throw new UserError("--model " + model + ": no run of it in " + folder + " (models there: "
          + String.join(", ", names(candidates, Candidate::model)) + ")");
    }
    Set<String> models = names(ofModel, Candidate::model);
    if (models.size() > 1) {
      throw new UserError(folder + " holds runs of " + models.size() + " models (" + String.join(", ", models)
          + "): choose one with --model");
    }
    // In file-name order whatever order they came in, so the command and the viewer list the rows alike.
    List<Candidate> ofExam = ofModel.stream().filter(c -> exam == null || exam.equals(c.exam()))
        .sorted(Comparator.comparing(Candidate::file)).toList();
    if (ofExam.isEmpty()) {
      throw new UserError("--exam " + exam + ": no run of " + models.iterator().next() + " of the "
          + ExamOrdinal.of(exam) + " exam in " + folder);
    }
    Set<String> exams = names(ofExam, Candidate::exam);
    if (exams.size() > 1) {
      throw new UserError(folder + " holds runs of " + models.iterator().next() + " of " + exams.size()
          + " exams (" + String.join(", ", exams) + "): choose one with --exam");
    }
    String theModel = models.iterator().next();
    String theExam = exams.iterator().next();

    Candidate chosenDefault = defaultFile != null ? named(ofExam, defaultFile, folder)
        : findDefault(ofExam, theModel, folder);
    RunSpec spec = chosenDefault.spec();
    List<Chosen> variants = new ArrayList<>();
    List<RobustnessCard.Left> left = new ArrayList<>();
    for (Candidate c : ofExam) {
      if (c == chosenDefault) {
        continue;
      }
      List<RunSpec.Difference> d = compared(spec, c);
      if (d.size() == 1) {
        variants.add(new Chosen(c, variant(d.get(0))));
      } else {
        left.add(new RobustnessCard.Left(c.file(), d.isEmpty()
            ? "the same run as the default (" + chosenDefault.file() + ")"
            : "differs from the default in " + d.size() + " fields: " + describe(d)));
      }
    }
    return new Selection(theModel, theExam, chosenDefault, variants, left);
  }

  /**
   * The default run, among the runs that ask the whole exam: first those in the exam's order and language (a
   * run in another is a variant by definition); then the one the most others differ from in one field; then
   * the one that sees the images (vision, then blind, then skip: the image audit asks a run's image questions
   * again without them, so the run with them is the reference). Refused, naming the candidates, when that
   * still leaves several.
   */
  private static Candidate findDefault(List<Candidate> runs, String model, String folder) {
    List<Candidate> whole = runs.stream().filter(c -> !c.subset()).toList();
    if (whole.isEmpty()) {
      throw new UserError(folder + ": every run of " + model + " asks part of the exam; a card needs a default "
          + "run of the whole exam");
    }
    Map<Candidate, int[]> rank = new LinkedHashMap<>();
    for (Candidate c : whole) {
      RunSpec spec = c.spec();
      int variantFields = (int) VARIANT_FIELDS.stream().filter(f -> c.metadata().get(f) != null
          && !c.metadata().get(f).isNull()).count();
      int neighbours = (int) runs.stream().filter(o -> o != c && compared(spec, o).size() == 1).count();
      int sight = switch (spec.imageMode()) {
        case VISION -> 0;
        case BLIND -> 1;
        default -> 2;
      };
      rank.put(c, new int[] {variantFields, -neighbours, sight});
    }
    Comparator<Candidate> best = Comparator.<Candidate>comparingInt(c -> rank.get(c)[0])
        .thenComparingInt(c -> rank.get(c)[1]).thenComparingInt(c -> rank.get(c)[2]);
    List<Candidate> sorted = whole.stream().sorted(best).toList();
    if (sorted.size() > 1 && best.compare(sorted.get(0), sorted.get(1)) == 0) {
      List<String> tied = sorted.stream().filter(c -> best.compare(c, sorted.get(0)) == 0).map(Candidate::file)
          .toList();
      throw new UserError(folder + ": " + tied.size() + " runs of " + model + " could each be the default ("
          + String.join(", ", tied) + "): choose one with --default FILE");
    }
    return sorted.get(0);
  }

  /** How a run that is not on the card differs from the default: "image mode blind (default: vision); …". */
  private static String describe(List<RunSpec.Difference> differences) {
    return String.join("; ", differences.stream().map(d -> d.field().displayName() + " " + d.recorded()
        + " (default: " + d.mine() + ")").toList());
  }

  private static Candidate named(List<Candidate> runs, String file, String folder) {
    return runs.stream().filter(c -> c.file().equals(file) || java.nio.file.Path.of(c.file()).getFileName()
            .toString().equals(file)).findFirst()
        .orElseThrow(() -> new UserError("--default " + file + ": not a run of this model and exam in " + folder));
  }

  private static List<RunSpec.Difference> compared(RunSpec spec, Candidate other) {
    return spec.differencesFrom(other.metadata(), other.exam(), other.file()).stream()
        .filter(d -> !NOT_COMPARED.contains(d.field())).toList();
  }

  /** The variant a difference makes; its kind by where the metadata records the field. */
  private static Variant variant(RunSpec.Difference d) {
    List<String> path = d.field().metadataPath();
    Variant.Kind kind = path.equals(List.of(ResultSchema.Metadata.CHOICE_ORDER)) ? Variant.Kind.CHOICE_ORDER
        : d.field() == RunField.IMAGE_MODE ? Variant.Kind.IMAGE_MODE : Variant.Kind.OTHER;
    // differencesFrom reads the other run as "recorded" and the default as "mine".
    return new Variant(kind, d.field().displayName(), d.recorded(), d.mine());
  }

  private static Set<String> names(List<Candidate> runs, java.util.function.Function<Candidate, String> f) {
    Set<String> out = new TreeSet<>();
    runs.forEach(c -> out.add(f.apply(c)));
    return out;
  }
}
