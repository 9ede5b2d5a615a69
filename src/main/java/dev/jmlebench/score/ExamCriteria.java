package dev.jmlebench.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.common.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The pass criteria of one exam, kept as data ({@code criteria/<exam>.json} in the jar, or a file given by
 * the user) so that a new year's official numbers are a data change. Questions excluded from scoring
 * (採点除外) score for nobody and lower both maxima; the required threshold is then
 * {@code min_ratio_with_exclusions} of the remaining required maximum, as the ministry states it.
 */
public record ExamCriteria(
    String exam,
    int requiredMax,
    int requiredMinScore,
    double requiredMinRatioWithExclusions,
    int generalMax,
    int generalMinScore,
    Set<String> excludedQuestions) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public ExamCriteria {
    excludedQuestions = Set.copyOf(excludedQuestions);
  }

  /** The bundled criteria of an exam, e.g. {@code "120"}. */
  public static ExamCriteria forExam(String exam) {
    String name = "criteria/" + exam + ".json";
    try (InputStream in = ExamCriteria.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new UserError("no pass criteria are bundled for exam " + exam + "; pass --criteria FILE");
      }
      return parse(JSON.readTree(in), name);
    } catch (IOException e) {
      throw new UserError(name + ": cannot read criteria: " + e.getMessage());
    }
  }

  public static ExamCriteria fromFile(Path file) {
    try {
      return parse(JSON.readTree(Files.readAllBytes(file)), file.toString());
    } catch (IOException e) {
      throw new UserError(file + ": cannot read criteria: " + e.getMessage());
    }
  }

  static ExamCriteria parse(JsonNode root, String name) {
    try {
      JsonNode req = root.required("required");
      JsonNode gen = root.required("general");
      Set<String> excluded = new LinkedHashSet<>();
      JsonNode ex = root.path("excluded_questions");
      for (JsonNode id : ex) {
        excluded.add(id.asText());
      }
      return new ExamCriteria(
          root.required("exam").asText(),
          req.required("max").intValue(),
          req.required("min_score").intValue(),
          req.path("min_ratio_with_exclusions").asDouble(0.8),
          gen.required("max").intValue(),
          gen.required("min_score").intValue(),
          excluded);
    } catch (IllegalArgumentException e) {
      throw new UserError(name + ": invalid criteria: " + e.getMessage());
    }
  }

  public boolean isExcluded(String questionId) {
    return excludedQuestions.contains(questionId);
  }

  /** Judges a required score; null when the run did not cover the whole required part. */
  public Boolean requiredPass(int score, int max, int excludedPoints) {
    int fullMax = requiredMax - excludedPoints;
    if (max != fullMax) {
      return null;
    }
    if (excludedPoints == 0) {
      return score >= requiredMinScore;
    }
    return score >= requiredMinRatioWithExclusions * fullMax;
  }

  /** Judges a general score; null when the run did not cover the whole general part. */
  public Boolean generalPass(int score, int max, int excludedPoints) {
    if (max != generalMax - excludedPoints) {
      return null;
    }
    return score >= generalMinScore;
  }
}
