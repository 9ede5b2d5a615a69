package dev.jmlebench.exam;

import dev.jmlebench.common.UserError;
import dev.jmlebench.dataset.ExamOrdinal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One exam as data ({@code exam/<id>/exam.json}): where its questions come from, its blocks and their
 * points, and its answer-key editions. Read by {@link Exams}.
 *
 * @param sourceRepository the upstream repository of the dataset
 * @param sourceCommit the commit the dataset download is pinned to
 * @param sourceManifest the bundled SHA-256 manifest of the upstream files a download fetches (a resource)
 * @param sourceFormat the upstream's layout, naming the converter that reads it ({@code jmle2026-bench},
 *     {@code igakuqa119})
 * @param blocks the exam's blocks in order, each with its size, whether it is required (必修) and its points
 * @param imageQuestions how many questions show a clinical image ({@code image_questions}): the others are the
 *     text-only part a chart or page names by its size (302 of the 120th's 400, 297 of the 119th's)
 * @param editions the editions by name, in the order the exam lists them
 * @param answerLetters which letters an answer may name ({@code answer_letters}): {@link #SPEC_LETTERS},
 *     a to e as SPEC §3 reads them, or {@link #UP_TO_LAST_CHOICE}, a to the question's last choice (the
 *     112th-116th have questions of six and eight choices: 113F83's answer is g)
 * @param translations the bundled manifests of the source's translations of the questions, by language code
 *     ({@code source.translations}: IgakuQA's English for the 112th-116th); empty when it publishes none
 */
public record ExamSpec(
    String id,
    String title,
    String held,
    String sourceRepository,
    String sourceCommit,
    String sourceManifest,
    String sourceFormat,
    List<Block> blocks,
    int imageQuestions,
    Map<String, Edition> editions,
    String defaultEdition,
    String answerLetters,
    Map<String, String> translations) {
  public static final String SPEC_LETTERS = "a-e";
  public static final String UP_TO_LAST_CHOICE = "up_to_last_choice";

  public ExamSpec {
    blocks = List.copyOf(blocks);
    // In key order, the same in every JVM (Map.copyOf's is not), as is this record's text (see Edition).
    translations = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(Map.copyOf(translations)));
    editions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(editions));
    if (!SPEC_LETTERS.equals(answerLetters) && !UP_TO_LAST_CHOICE.equals(answerLetters)) {
      throw new IllegalArgumentException("answer_letters: expected " + SPEC_LETTERS + " or " + UP_TO_LAST_CHOICE
          + ", not " + answerLetters);
    }
    if (imageQuestions > blocks.stream().mapToInt(Block::questions).sum()) {
      throw new IllegalArgumentException("image_questions: " + imageQuestions + " is more than the exam's questions");
    }
    if (!editions.containsKey(defaultEdition)) {
      throw new IllegalArgumentException("default_edition '" + defaultEdition + "' is not one of " + editions.keySet());
    }
  }

  /**
   * The questions whose gold letters are alternatives in some edition (either one is correct): the dataset
   * asks for one letter of them.
   */
  public Set<String> alternativeAnswers() {
    Set<String> ids = new TreeSet<>();
    editions.values().forEach(e -> ids.addAll(e.acceptedAlternatives().keySet()));
    return ids;
  }

  /** What finding, fetching and reading this exam's dataset needs: its manifest, layout and alternatives. */
  public dev.jmlebench.dataset.ExamSource source() {
    return new dev.jmlebench.dataset.ExamSource(id, sourceManifest, sourceFormat, alternativeAnswers());
  }

  /** The last letter an answer to {@code q} may name: e, or under {@link #UP_TO_LAST_CHOICE} its last choice. */
  public char lastAnswerLetter(dev.jmlebench.dataset.Question q) {
    return UP_TO_LAST_CHOICE.equals(answerLetters) ? q.lastChoice().orElse('e') : 'e';
  }

  /** The bundled manifest of the translation into {@code languageCode}; empty when the source has none. */
  public Optional<String> translationManifest(String languageCode) {
    return Optional.ofNullable(translations.get(languageCode));
  }

  public Optional<Block> block(String name) {
    return blocks.stream().filter(b -> b.name().equals(name)).findFirst();
  }

  /** Whether block {@code name} is a required (必修) block, as {@code exam.json} says; an unknown block is a fault. */
  public boolean isRequiredBlock(String name) {
    return block(name).orElseThrow(() -> new IllegalArgumentException("the " + ExamOrdinal.of(id)
        + " exam has no block " + name)).required();
  }

  /** The names of the blocks, in order ({@code [A, B, C, D, E, F]}). */
  public List<String> blockNames() {
    return blocks.stream().map(Block::name).toList();
  }

  /** The names of the required (必修) blocks, in order ({@code [B, E]}). */
  public List<String> requiredBlocks() {
    return blocks.stream().filter(Block::required).map(Block::name).toList();
  }

  /** How many questions the exam has: its blocks' sizes summed. */
  public int questions() {
    return blocks.stream().mapToInt(Block::questions).sum();
  }

  /** How many questions show no clinical image: the text-only part. */
  public int textOnlyQuestions() {
    return questions() - imageQuestions;
  }

  /** The edition called {@code name}; an unknown name is the user's mistake, named with the choices. */
  public Edition edition(String name) {
    Edition e = editions.get(name);
    if (e == null) {
      throw new UserError("--key " + name + ": unknown answer key of the " + ExamOrdinal.of(id)
          + " exam; choose one of "
          + String.join(", ", editions.keySet()) + " (or give an edition file, *.json)");
    }
    return e;
  }
}
