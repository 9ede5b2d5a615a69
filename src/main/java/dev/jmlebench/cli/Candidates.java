package dev.jmlebench.cli;

import dev.jmlebench.client.ApiKind;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.exam.ExamSpec;
import dev.jmlebench.exam.Exams;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The values an option takes from a fixed set, for the completion script (picocli's {@code completionCandidates})
 * — each read from where the set is defined, so completion offers what the option accepts.
 */
final class Candidates {
  private Candidates() {}

  /** {@code --exam}: the bundled exams. */
  static final class ExamIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Exams.ids().iterator();
    }
  }

  /** {@code --image-mode}: skip, blind, vision. */
  static final class ImageModes implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(ImageMode.values()).map(ImageMode::wireName).iterator();
    }
  }

  /** {@code --api}: openai, anthropic. */
  static final class ApiKinds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(ApiKind.values()).map(ApiKind::wireName).iterator();
    }
  }

  /** {@code --key}: every edition's bare name, then each exam's {@code EXAM=EDITION} (a file name also works). */
  static final class Editions implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      Set<String> names = new LinkedHashSet<>();
      Set<String> perExam = new LinkedHashSet<>();
      for (String id : Exams.ids()) {
        ExamSpec exam = Exams.get(id);
        names.addAll(exam.editions().keySet());
        exam.editions().keySet().forEach(e -> perExam.add(id + "=" + e));
      }
      names.addAll(perExam);
      return names.iterator();
    }
  }
}
