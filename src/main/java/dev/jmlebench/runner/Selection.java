package dev.jmlebench.runner;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ExamOrdinal;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.dataset.Question;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The questions one run asks, in exam order: those of the question subset ({@code --questions}: ids and
 * blocks add up, {@code images} or {@code text} narrow them) that the image mode includes, the first
 * {@code --limit} of them. {@code total} counts the chosen questions, {@code skippedImage} the image questions
 * that {@code skip} leaves out among them (the metadata's {@code total_questions} and {@code skipped_image});
 * under a limit, the chosen questions end with the last one asked.
 */
record Selection(List<Question> questions, int total, int skippedImage) {
  Selection {
    questions = List.copyOf(questions);
  }

  static Selection of(Dataset dataset, RunSpec spec) {
    return of(dataset, spec.questions(), spec.limit(), spec.imageMode());
  }

  static Selection of(Dataset dataset, List<String> subset, Integer limit, ImageMode mode) {
    Set<String> blocks = new LinkedHashSet<>();
    Set<String> ids = new HashSet<>();
    Boolean withImages = null;
    Set<String> knownBlocks = new LinkedHashSet<>();
    dataset.questions().forEach(q -> knownBlocks.add(q.block()));
    for (String token : subset) {
      if (token.equals(RunCodecs.IMAGES) || token.equals(RunCodecs.TEXT_ONLY)) {
        withImages = token.equals(RunCodecs.IMAGES);
      } else if (token.length() == 1) {
        if (!knownBlocks.contains(token)) {
          throw new UserError(RunField.QUESTIONS.flag() + ": the " + ExamOrdinal.of(dataset.exam())
              + " exam has no block '" + token + "' (its blocks: " + String.join(", ", knownBlocks) + ")");
        }
        blocks.add(token);
      } else {
        if (dataset.question(token).isEmpty()) {
          throw new UserError(RunField.QUESTIONS.flag() + ": the " + ExamOrdinal.of(dataset.exam())
              + " exam has no question " + token);
        }
        ids.add(token);
      }
    }
    boolean anyPlace = blocks.isEmpty() && ids.isEmpty();
    Boolean kind = withImages;
    List<Question> chosen = dataset.questions().stream()
        .filter(q -> anyPlace || blocks.contains(q.block()) || ids.contains(q.questionId()))
        .filter(q -> kind == null || q.requiresImage() == kind)
        .toList();
    if (limit != null) {
      List<Question> span = new ArrayList<>();
      int asked = 0;
      for (Question q : chosen) {
        if (asked == limit) {
          break;
        }
        span.add(q);
        asked += mode.includes(q) ? 1 : 0;
      }
      chosen = span;
    }
    List<Question> asked = chosen.stream().filter(mode::includes).toList();
    if (mode == ImageMode.VISION) {
      for (Question q : asked) {
        for (String image : q.clinicalImages()) {
          if (!Files.isRegularFile(dataset.imagesDirectory().resolve(image))) {
            throw new UserError(dataset.imagesDirectory().resolve(image) + ": image of " + q.questionId()
                + " is missing (run `jmle-bench dataset verify`)");
          }
        }
      }
    }
    return new Selection(asked, chosen.size(), chosen.size() - asked.size());
  }
}
