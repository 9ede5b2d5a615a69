package dev.jmlebench.dataset;

import java.util.List;

/** Questions that share one case text (連問); the text is sent before each of them (SPEC §2). */
public record SerialGroup(String groupId, List<String> questions, String contextText) {
  public SerialGroup {
    questions = List.copyOf(questions);
  }
}
