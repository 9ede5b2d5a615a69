package dev.jmlebench.exam;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ExamOrdinal;
import dev.jmlebench.dataset.Language;
import dev.jmlebench.dataset.Translation;
import dev.jmlebench.dataset.sources.DatasetFormat;
import java.util.Optional;

/**
 * An exam's questions in another language, from the translation its source publishes beside them
 * ({@code source.translations} in exam.json names its manifest; the exam's format reads it).
 */
public final class Translations {
  private Translations() {}

  /**
   * The exam in {@code language}: refused in one line naming {@code what} when its source publishes none, or
   * when the dataset's folder lacks it (with the command that fetches it).
   */
  public static Translation load(ExamSpec spec, Dataset dataset, Language language, String what) {
    Exams.translationManifest(spec, language.wireName(), what);
    return ifPresent(spec, dataset, language).orElseThrow(() -> new UserError(what + " " + language.wireName()
        + ": " + dataset.directory() + " lacks the " + ExamOrdinal.of(spec.id()) + " exam's translation; `jmle-bench "
        + "dataset download --exam " + spec.id() + " --language " + language.wireName() + " --dataset "
        + dataset.directory() + "` fetches it"));
  }

  /** The exam in {@code language} when its source publishes a translation and the folder holds it. */
  public static Optional<Translation> ifPresent(ExamSpec spec, Dataset dataset, Language language) {
    DatasetFormat format = DatasetFormat.named(spec.sourceFormat());
    if (spec.translationManifest(language.wireName()).isEmpty() || format == null
        || !format.hasTranslation(dataset.directory(), spec.id(), language)) {
      return Optional.empty();
    }
    return Optional.of(format.translation(dataset.directory(), dataset, language));
  }
}
