package dev.jmlebench.dataset;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * What {@code dataset info} prints of an exam's dataset: its counts by block, type, image and serial group, its
 * points and, where the source annotates them, its prohibited choices. Which blocks are required and what each
 * question scores are the exam's data, handed in by the caller (this package knows no exam's rules).
 */
public final class DatasetReport {
  private DatasetReport() {}

  /**
   * @param requiredBlock whether a block is required (必修), as the exam's data says
   * @param points the points of a question, as the exam's data says
   */
  public static String render(Dataset d, Predicate<String> requiredBlock, ToIntFunction<Question> points) {
    List<Question> qs = d.questions();
    StringBuilder out = new StringBuilder();
    out.append(String.format("%s%n  exam %s, %d questions, sha256 %s%n", d.directory(), d.exam(), qs.size(),
        d.sha256()));
    Map<String, Long> blocks = qs.stream().collect(Collectors.groupingBy(Question::block, TreeMap::new,
        Collectors.counting()));
    out.append("  by block:  ").append(blocks.entrySet().stream()
        .map(e -> e.getKey() + (requiredBlock.test(e.getKey()) ? "(必修)" : "") + " " + e.getValue())
        .collect(Collectors.joining("  "))).append('\n');
    Map<String, Long> types = qs.stream().collect(Collectors.groupingBy(q -> q.type().wireName(),
        TreeMap::new, Collectors.counting()));
    out.append("  by type:   ").append(types.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining("  "))).append('\n');
    long withImage = qs.stream().filter(Question::requiresImage).count();
    long refs = qs.stream().mapToLong(q -> q.clinicalImages().size()).sum();
    long files = qs.stream().flatMap(q -> q.clinicalImages().stream()).distinct().count();
    out.append(String.format("  by image:  text_only %d  with_image %d  (%d image references, %d distinct files)%n",
        qs.size() - withImage, withImage, refs, files));
    Map<Integer, Long> select = qs.stream().collect(Collectors.groupingBy(Question::numChoicesToSelect,
        TreeMap::new, Collectors.counting()));
    out.append("  choices to select: ").append(select.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
        .collect(Collectors.joining("  "))).append('\n');
    long groups = qs.stream().flatMap(q -> q.serialGroup().stream()).map(SerialGroup::groupId).distinct().count();
    long inGroups = qs.stream().filter(q -> q.serialGroup().isPresent()).count();
    out.append(String.format("  serial groups: %d, covering %d questions%n", groups, inGroups));
    List<String> imageless = qs.stream().filter(q -> q.requiresImage() && q.clinicalImages().isEmpty())
        .map(Question::questionId).toList();
    if (!d.hasImages()) {
      out.append(String.format("  images: the source released none; its %d image questions are asked as text "
          + "(blind)%n", imageless.size()));
    } else if (!imageless.isEmpty()) {
      out.append("  image questions without an image file (asked as text): ").append(String.join(", ", imageless))
          .append('\n');
    }
    int required = qs.stream().filter(q -> requiredBlock.test(q.block())).mapToInt(points).sum();
    int general = qs.stream().filter(q -> !requiredBlock.test(q.block())).mapToInt(points).sum();
    int textOnly = qs.stream().filter(q -> !q.requiresImage()).mapToInt(points).sum();
    out.append(String.format("  points:    %d (required %d, general %d; text-only %d)%n", required + general,
        required, general, textOnly));
    if (d.isAnnotated()) {
      long prohibited = qs.stream().filter(q -> d.annotation(q.questionId())
          .filter(a -> !a.prohibited().isEmpty()).isPresent()).count();
      out.append(String.format("  prohibited choices (禁忌肢, annotated by the source's authors, not official): "
          + "%d questions%n", prohibited));
    }
    return out.toString();
  }
}
