package dev.jmlebench.dataset;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The loaded exam: its questions in exam order, and the folder their clinical images live in. */
public final class Dataset {
  public static final String JSON_NAME = "jmle2026_dataset.json";
  public static final String IMAGES_DIR = "images";

  private final Path directory;
  private final List<Question> questions;
  private final Map<String, Question> byId;
  /** Hashed when first asked: only a run or an import records it, and hashing the JSON is a cost of every load. */
  private volatile String sha256;
  private Supplier<String> hashing;
  private final Map<String, Annotation> annotations;

  public Dataset(Path directory, List<Question> questions, String sha256) {
    this(directory, questions, sha256, Map.of());
  }

  /** A dataset whose SHA-256 is computed by {@code hashing} when first asked. */
  public Dataset(Path directory, List<Question> questions, Supplier<String> hashing) {
    this(directory, questions, (String) null, Map.of());
    this.hashing = hashing;
  }

  /**
   * @param directory the folder holding {@value #JSON_NAME} and {@value #IMAGES_DIR}/
   * @param sha256 SHA-256 of the dataset JSON as read; a result file records it so a run names its data
   * @param annotations what the source annotates on questions (prohibited choices, examinees), by question id
   */
  public Dataset(Path directory, List<Question> questions, String sha256, Map<String, Annotation> annotations) {
    this.directory = directory;
    this.questions = List.copyOf(questions);
    Map<String, Question> map = new LinkedHashMap<>();
    for (Question q : this.questions) {
      map.put(q.questionId(), q);
    }
    this.byId = Collections.unmodifiableMap(map);
    this.sha256 = sha256;
    this.annotations = Map.copyOf(annotations);
  }

  /** The source's annotation of a question (IgakuQA's exams have them); empty when there is none. */
  public Optional<Annotation> annotation(String questionId) {
    return Optional.ofNullable(annotations.get(questionId));
  }

  /**
   * Whether the source annotates its questions (prohibited choices, 禁忌肢, and the examinees' answers), so
   * counts of them mean something.
   */
  public boolean isAnnotated() {
    return !annotations.isEmpty();
  }

  /**
   * Whether image questions can be shown their images: false when the source flags image questions but
   * released none of their images (IgakuQA), so a vision run would only repeat a blind one.
   */
  public boolean hasImages() {
    return questions.stream().anyMatch(q -> !q.clinicalImages().isEmpty())
        || questions.stream().noneMatch(Question::requiresImage);
  }

  public Path directory() {
    return directory;
  }

  public Path jsonFile() {
    return directory.resolve(JSON_NAME);
  }

  public Path imagesDirectory() {
    return directory.resolve(IMAGES_DIR);
  }

  public List<Question> questions() {
    return questions;
  }

  public Optional<Question> question(String questionId) {
    return Optional.ofNullable(byId.get(questionId));
  }

  /** Questions by id, in exam order. */
  public Map<String, Question> byId() {
    return byId;
  }

  /** The exam number the question ids start with, e.g. {@code "120"} for {@code 120A-1}. */
  public String exam() {
    return QuestionId.parse(questions.get(0).questionId()).orElseThrow().exam();
  }

  public String sha256() {
    String hash = sha256;
    if (hash == null) {
      synchronized (this) {
        if (sha256 == null && hashing != null) {
          sha256 = hashing.get();
          hashing = null;
        }
        hash = sha256;
      }
    }
    return hash;
  }
}
