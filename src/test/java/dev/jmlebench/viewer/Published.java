package dev.jmlebench.viewer;

import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.testing.SharedData;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The published result files read with the core's reader: what the pages must show, found independently. */
record Published(String id, Path path, ResultFile file) {
  static List<Published> all() {
    return SharedData.publishedResults().stream()
        .map(p -> new Published(p.getFileName().toString().replaceFirst("\\.json$", ""), p, ResultFiles.read(p)))
        .toList();
  }

  static Published byId(String id) {
    return all().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  static Published top() {
    return all().stream().max(Comparator.comparingInt((Published p) -> p.file().summary().score())).orElseThrow();
  }

  Optional<QuestionResult> result(String questionId) {
    return file.results().stream().filter(r -> r.questionId().equals(questionId)).findFirst();
  }

  String name() {
    return file.metadata().name();
  }
}
