package dev.jmlebench.runner;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.dataset.ImageMode;
import dev.jmlebench.dataset.Question;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The questions one run asks: those of the chosen blocks (all by default) that the image mode includes,
 * in exam order. {@code total} counts the chosen blocks' questions, {@code skippedImage} the image
 * questions that {@code skip} leaves out (the metadata's {@code total_questions} and {@code skipped_image}).
 */
record Selection(List<Question> questions, int total, int skippedImage) {
  Selection {
    questions = List.copyOf(questions);
  }

  static Selection of(Dataset dataset, List<String> blocks, ImageMode mode) {
    Set<String> known = new LinkedHashSet<>();
    dataset.questions().forEach(q -> known.add(q.block()));
    for (String b : blocks) {
      if (!known.contains(b)) {
        throw new UserError("--blocks: unknown block '" + b + "' (the exam has " + String.join(", ", known) + ")");
      }
    }
    List<Question> chosen = dataset.questions().stream()
        .filter(q -> blocks.isEmpty() || blocks.contains(q.block()))
        .toList();
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
