package dev.jmlebench.dataset.sources;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.DatasetLoader;
import dev.jmlebench.dataset.Language;
import dev.jmlebench.dataset.Translation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The layouts exams are published in upstream, each with its converter into the same {@link Dataset}; an
 * exam's data names its format ({@code source.format} in {@code exam.json}), so a new year in a known layout
 * is a data change, and a new layout is one more converter here.
 */
public enum DatasetFormat {
  /** github.com/naoto-iwase/JMLE2026-Bench: one JSON file already in the project's model, images/. */
  JMLE2026_BENCH("jmle2026-bench", Dataset.JSON_NAME) {
    @Override
    public Dataset load(Path directory, String exam, Set<String> alternatives) {
      return DatasetLoader.load(directory);
    }
  },
  /** github.com/docto-rin/IgakuQA119: a questions file per block, an answer-key CSV, images/. */
  IGAKUQA119("igakuqa119", IgakuQa119Source.ANSWERS) {
    @Override
    public Dataset load(Path directory, String exam, Set<String> alternatives) {
      return IgakuQa119Source.load(directory, alternatives);
    }
  },
  /** github.com/jungokasai/IgakuQA: the 112th-116th exams, JSON Lines per block and year, no images. */
  IGAKUQA("igakuqa", null) {
    @Override
    public Dataset load(Path directory, String exam, Set<String> alternatives) {
      return IgakuQaSource.load(directory, exam, alternatives);
    }

    @Override
    public boolean isPresentIn(Path directory, String exam) {
      return IgakuQaSource.isPresentIn(directory, exam);
    }

    @Override
    public Translation translation(Path directory, Dataset exam, Language language) {
      return language == Language.ENGLISH ? IgakuQaSource.english(directory, exam)
          : super.translation(directory, exam, language);
    }

    @Override
    public boolean hasTranslation(Path directory, String exam, Language language) {
      return language == Language.ENGLISH && Files.isRegularFile(IgakuQaSource.translationFile(directory, exam, "A"));
    }
  };

  private final String wireName;
  private final String marker;

  DatasetFormat(String wireName, String marker) {
    this.wireName = wireName;
    this.marker = marker;
  }

  /**
   * Loads exam {@code exam} from {@code directory} laid out as its upstream repository (one repository may
   * hold several exams).
   *
   * @param alternatives question ids whose gold letters are alternatives (either one is correct), as the
   *     exam's edition lists them
   */
  public abstract Dataset load(Path directory, String exam, Set<String> alternatives);

  /** Whether {@code directory} looks like a copy of this layout holding exam {@code exam} (its key file is there). */
  public boolean isPresentIn(Path directory, String exam) {
    return Files.isRegularFile(directory.resolve(marker));
  }

  /**
   * The exam's questions in {@code language}, read from the translation the source publishes beside them
   * (the exam's data names it: {@code ExamSpec.translationManifest}, checked before this is called).
   */
  public Translation translation(Path directory, Dataset exam, Language language) {
    throw new IllegalStateException(wireName + " has no translation into " + language.wireName());
  }

  /** Whether {@code directory} holds the exam's translation into {@code language} (its first file is there). */
  public boolean hasTranslation(Path directory, String exam, Language language) {
    return false;
  }

  public String wireName() {
    return wireName;
  }

  /** The format of a wire name; null when there is none of that name. */
  public static DatasetFormat named(String name) {
    return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst().orElse(null);
  }

  /** The known names, for a message. */
  public static String names() {
    return Arrays.stream(values()).map(DatasetFormat::wireName).collect(Collectors.joining(", "));
  }
}
