package dev.jmlebench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.cache.ResponseCache;
import dev.jmlebench.common.UserError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of a run's identity: every field through the command line and the metadata and back,
 * unchanged; a spec's own metadata is the same run, and a change of any identity field is named.
 */
class RunSpecTest {
  private static final String MODEL = "org/model";

  /**
   * A value other than the default for every field, as its option is typed, and as it prints back (canonical).
   * A new field must get one here: {@link #everyFieldHasASample} fails until it does.
   */
  static final Map<RunField<?>, List<String>> SAMPLES = new LinkedHashMap<>();

  static {
    SAMPLES.put(RunField.MODEL, List.of("other/model", "other/model"));
    SAMPLES.put(RunField.API, List.of("anthropic", "anthropic"));
    SAMPLES.put(RunField.BASE_URL, List.of("http://127.0.0.1:9999/v1", "http://127.0.0.1:9999/v1"));
    SAMPLES.put(RunField.KEY_VARIABLE, List.of("MY_KEY", "MY_KEY"));
    SAMPLES.put(RunField.EXTRA_BODY, List.of("{\"temperature\": 0, \"reasoning\": {\"enabled\": true}}",
        "{\"temperature\":0,\"reasoning\":{\"enabled\":true}}"));
    SAMPLES.put(RunField.MAX_TOKENS, List.of("512", "512"));
    SAMPLES.put(RunField.EXAM, List.of("119", "119"));
    SAMPLES.put(RunField.ANSWER_KEY, List.of("author", "author"));
    SAMPLES.put(RunField.QUESTIONS, List.of("B, 120a-01,images,A", "images,A,B,120A-1"));
    SAMPLES.put(RunField.LIMIT, List.of("10", "10"));
    SAMPLES.put(RunField.IMAGE_MODE, List.of("vision", "vision"));
    SAMPLES.put(RunField.CHOICE_ORDER, List.of("shuffle:007", "shuffle:7"));
    SAMPLES.put(RunField.LANGUAGE, List.of("EN", "en"));
    SAMPLES.put(RunField.REPEATS, List.of("3", "3"));
    SAMPLES.put(RunField.PARALLEL, List.of("16", "16"));
    SAMPLES.put(RunField.TIMEOUT, List.of("60", "60"));
    SAMPLES.put(RunField.MAX_RETRIES, List.of("0", "0"));
    SAMPLES.put(RunField.RETRY_BUDGET, List.of("1.5", "1.5"));
    SAMPLES.put(RunField.MAX_BODY, List.of("32", "32"));
    SAMPLES.put(RunField.BATCH, List.of("", ""));
    SAMPLES.put(RunField.BATCH_WAIT, List.of("90m", "90m"));
    SAMPLES.put(RunField.CACHE, List.of("/tmp/jmle-cache", "/tmp/jmle-cache"));
    SAMPLES.put(RunField.REASK, List.of("truncated, unparsed", "errors,unparsed,truncated"));
    SAMPLES.put(RunField.DISPLAY_NAME, List.of("Claude's run", "Claude's run"));
    SAMPLES.put(RunField.PRICE_INPUT, List.of("1.50", "1.5"));
    SAMPLES.put(RunField.PRICE_OUTPUT, List.of("6", "6"));
  }

  static Stream<RunField<?>> fields() {
    return RunField.ALL.stream();
  }

  /** The options of a run of MODEL with the field at its sample (the two prices go together). */
  private static Map<String, String> withSample(RunField<?> f) {
    Map<String, String> given = new LinkedHashMap<>();
    given.put(RunField.MODEL.flag(), MODEL);
    if (f == RunField.LANGUAGE) {
      given.put(RunField.EXAM.flag(), TRANSLATED_EXAM); // the 120th has no translation
    }
    given.put(f.flag(), SAMPLES.get(f).get(0));
    if (f == RunField.PRICE_INPUT || f == RunField.PRICE_OUTPUT) {
      given.put(RunField.PRICE_INPUT.flag(), SAMPLES.get(RunField.PRICE_INPUT).get(0));
      given.put(RunField.PRICE_OUTPUT.flag(), SAMPLES.get(RunField.PRICE_OUTPUT).get(0));
    }
    return given;
  }

  /** An exam whose source publishes a translation, for the sample of {@code --language}. */
  private static final String TRANSLATED_EXAM = "113";

  private static RunSpec sample(RunField<?> f) {
    return RunSpec.fromArguments(withSample(f), RunSpec.NO_ENVIRONMENT);
  }

  /**
   * Every field at its sample at once, but the exam and the API, whose samples change what else is valid, and
   * the language, which the 120th is not asked in.
   */
  private static RunSpec everything() {
    Map<String, String> given = new LinkedHashMap<>();
    SAMPLES.forEach((f, texts) -> {
      if (f != RunField.EXAM && f != RunField.API && f != RunField.LANGUAGE) {
        given.put(f.flag(), texts.get(0));
      }
    });
    return RunSpec.fromArguments(given, RunSpec.NO_ENVIRONMENT);
  }

  @Test
  void everyFieldHasASample() {
    assertThat(SAMPLES.keySet()).containsExactlyElementsOf(RunField.ALL);
  }

  @ParameterizedTest
  @MethodSource("fields")
  void argumentsToSpecToArgumentsGivesTheMinimalOptionsBack(RunField<?> f) {
    RunSpec spec = sample(f);
    List<String> expected = new ArrayList<>();
    if (f != RunField.MODEL) {
      expected.addAll(List.of("--model", MODEL));
    }
    if (f == RunField.LANGUAGE) {
      expected.addAll(List.of("--exam", TRANSLATED_EXAM));
    }
    if (f == RunField.PRICE_OUTPUT) {
      expected.addAll(List.of("--price-input", "1.5"));
    }
    expected.add(f.flag());
    if (!f.isSwitch()) {
      expected.add(SAMPLES.get(f).get(1));
    }
    if (f == RunField.PRICE_INPUT) {
      expected.addAll(List.of("--price-output", "6"));
    }
    assertThat(spec.toArguments(RunSpec.NO_ENVIRONMENT)).containsExactlyElementsOf(expected);
    assertThat(RunSpec.fromWords(spec.toArguments(RunSpec.NO_ENVIRONMENT), RunSpec.NO_ENVIRONMENT)).isEqualTo(spec);
  }

  @Test
  void everyFieldAtOnceMakesTheRoundTripToo() {
    RunSpec spec = everything();
    assertThat(RunSpec.fromWords(spec.toArguments(RunSpec.NO_ENVIRONMENT), RunSpec.NO_ENVIRONMENT)).isEqualTo(spec);
    RunSpec again = RunSpec.fromMetadata(spec.toMetadata(), null, RunSpec.NO_ENVIRONMENT, "test");
    for (RunField<?> f : RunField.ALL) {
      assertThat(again.get(f)).as(f.flag()).isEqualTo(f.recorded() ? spec.get(f) : RunSpec.of(MODEL).get(f));
    }
  }

  @Test
  void defaultsGivenExplicitlyAreLeftOut() {
    Map<String, String> given = new LinkedHashMap<>();
    given.put("--model", MODEL);
    given.put("--base-url", "https://api.openai.com/v1");
    given.put("--image-mode", "blind");
    given.put("--exam", "120");
    given.put("--key", "official");
    given.put("--parallel", "8");
    given.put("--retry-budget", "10");
    given.put("--repeats", "1");
    given.put("--retry", "errors");
    given.put("--api-key-env", "OPENAI_API_KEY");
    RunSpec spec = RunSpec.fromArguments(given, RunSpec.NO_ENVIRONMENT);
    assertThat(spec).isEqualTo(RunSpec.of(MODEL));
    assertThat(spec.toArguments(RunSpec.NO_ENVIRONMENT)).containsExactly("--model", MODEL);
  }

  @Test
  void theResponseCachesDefaultFolderPrintsAsTheFlagAlone() {
    RunSpec spec = RunSpec.fromWords(List.of("--model", MODEL, "--cache"), RunSpec.NO_ENVIRONMENT);
    assertThat(spec.cache()).isEqualTo(ResponseCache.defaultDirectory());
    assertThat(spec.toArguments(RunSpec.NO_ENVIRONMENT)).containsExactly("--model", MODEL, "--cache");
  }

  @ParameterizedTest
  @MethodSource("fields")
  void specToMetadataToSpecKeepsWhatTheMetadataRecords(RunField<?> f) {
    RunSpec spec = sample(f);
    RunSpec back = RunSpec.fromMetadata(spec.toMetadata(), null, RunSpec.NO_ENVIRONMENT, "test");
    if (f.recorded()) {
      assertThat(back).isEqualTo(spec);
    } else {
      assertThat(back).as("what a file does not record takes its default").isEqualTo(RunSpec.of(MODEL));
    }
  }

  @ParameterizedTest
  @MethodSource("fields")
  void aSpecIsTheSameRunAsTheMetadataItWrites(RunField<?> f) {
    RunSpec spec = sample(f);
    assertThat(spec.differencesFrom(spec.toMetadata(), null, "test")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("fields")
  void changingAnIdentityFieldIsNamedWithBothValuesAndNoOtherIsCounted(RunField<?> f) {
    RunSpec base = f == RunField.LANGUAGE ? RunSpec.of(MODEL).with(RunField.EXAM, TRANSLATED_EXAM) : RunSpec.of(MODEL);
    List<RunSpec.Difference> d = sample(f).differencesFrom(base.toMetadata(), null, "test");
    if (f == RunField.API) {
      assertThat(d).extracting(Object::toString).as("another API has another server by default").containsExactly(
          "API openai there, anthropic here", "base URL https://api.openai.com/v1 there, https://api.anthropic.com/v1 "
              + "here");
    } else if (f.identity()) {
      assertThat(d).singleElement().satisfies(x -> {
        assertThat(x.field()).isEqualTo(f);
        assertThat(x.recorded()).isEqualTo(base.get(f) == null ? "none" : f.shown(base.get(f)));
        assertThat(x.mine()).isEqualTo(f.shown(sample(f).get(f)));
        assertThat(x.toString()).startsWith(f.displayName() + " ");
      });
    } else {
      assertThat(d).as("parallel, timeout, the cache and the like do not make another run").isEmpty();
    }
  }

  @Test
  void theIdentityIsWhatChangesWhatIsAskedOrHowItIsGraded() {
    assertThat(RunField.ALL.stream().filter(RunField::identity)).containsExactly(RunField.MODEL, RunField.API,
        RunField.BASE_URL, RunField.EXTRA_BODY, RunField.MAX_TOKENS, RunField.EXAM, RunField.ANSWER_KEY,
        RunField.QUESTIONS, RunField.LIMIT, RunField.IMAGE_MODE, RunField.CHOICE_ORDER, RunField.LANGUAGE,
        RunField.REPEATS);
  }

  @Test
  void aPublishedFileRecordsTheDefaultsOfThePublishedProtocol() throws Exception {
    ObjectNode published = (ObjectNode) new ObjectMapper().readTree("{\"model\": \"Qwen/Qwen3-32B\", "
        + "\"base_url\": \"https://openrouter.ai/api/v1\", \"timestamp\": \"20260225\", \"image_mode\": \"blind\", "
        + "\"extra_body\": null, \"total_questions\": 400, \"attempted\": 400, \"skipped_image\": 0}");
    RunSpec same = RunSpec.fromWords(List.of("--model", "Qwen/Qwen3-32B", "--base-url",
        "https://openrouter.ai/api/v1", "--key", "author"), RunSpec.NO_ENVIRONMENT);
    assertThat(same.differencesFrom(published, "120", "p.json")).as("an unrecorded answer key is not compared")
        .isEmpty();
    assertThat(same.with(RunField.IMAGE_MODE, dev.jmlebench.dataset.ImageMode.VISION)
        .differencesFrom(published, "120", "p.json")).extracting(Object::toString)
        .containsExactly("image mode blind there, vision here");
    assertThat(same.differencesFrom(published, "119", "p.json")).extracting(Object::toString)
        .as("the exam recognised from its question ids").containsExactly("exam 119 there, 120 here");
  }

  @Test
  void aFileOfAnEarlierVersionRecordsItsBlocksWhereQuestionsAreNow() throws Exception {
    ObjectNode old = (ObjectNode) new ObjectMapper().readTree("{\"model\": \"m\", \"base_url\": "
        + "\"https://api.openai.com/v1\", \"image_mode\": \"blind\", \"extra_body\": null, \"exam\": \"120\", "
        + "\"answer_key\": \"official\", \"request\": {\"parallel\": 8, \"api\": \"openai\", \"blocks\": [\"B\", \"A\"]}}");
    RunSpec spec = RunSpec.fromWords(List.of("--model", "m", "--blocks", "A,B"), RunSpec.NO_ENVIRONMENT);
    assertThat(spec.differencesFrom(old, null, "old.json")).isEmpty();
    assertThat(spec.toMetadata().at("/request/questions").toString()).isEqualTo("[\"A\",\"B\"]");
  }

  @Test
  void aBaseUrlsCredentialsAreNeitherRecordedNorPrintedButTheRunIsTheSame() {
    RunSpec spec = RunSpec.fromWords(List.of("--model", MODEL, "--base-url", "https://u:s3cret@host.example/v1?key=k3y"),
        RunSpec.NO_ENVIRONMENT);
    assertThat(spec.toMetadata().toString()).doesNotContain("s3cret").doesNotContain("k3y");
    assertThat(String.join(" ", spec.toArguments(RunSpec.NO_ENVIRONMENT))).doesNotContain("s3cret")
        .doesNotContain("k3y");
    assertThat(spec.hasHiddenCredentials()).isTrue();
    assertThat(spec.differencesFrom(spec.toMetadata(), null, "t")).isEmpty();
  }

  @Test
  void theEnvironmentsBaseUrlIsTheDefaultAndSoIsLeftOutOnlyThere() {
    Map<String, String> env = Map.of("OPENAI_BASE_URL", "http://127.0.0.1:8000/v1");
    RunSpec viaEnv = RunSpec.fromWords(List.of("--model", MODEL), env::get);
    assertThat(viaEnv.baseUrl()).hasToString("http://127.0.0.1:8000/v1");
    assertThat(viaEnv.toArguments(env::get)).containsExactly("--model", MODEL);
    assertThat(viaEnv.toArguments(RunSpec.NO_ENVIRONMENT)).containsExactly("--model", MODEL, "--base-url",
        "http://127.0.0.1:8000/v1");
    assertThat(RunSpec.of(MODEL).toArguments(env::get)).as("the provider's own URL is said where the environment "
        + "would send the run elsewhere").containsExactly("--model", MODEL, "--base-url", "https://api.openai.com/v1");
  }

  @Test
  void aChangedFieldTakesTheDefaultsThatFollowItWithItButNoValueThatWasSet() {
    RunSpec openRouter = RunSpec.fromWords(List.of("--model", MODEL, "--base-url", "https://openrouter.ai/api/v1"),
        RunSpec.NO_ENVIRONMENT);
    assertThat(openRouter.keyVariable()).isEqualTo("OPENROUTER_API_KEY");
    RunSpec local = openRouter.with(RunField.BASE_URL, java.net.URI.create("http://127.0.0.1:8765/v1"));
    assertThat(local.keyVariable()).as("the rule's variable for the new server").isEqualTo("OPENAI_API_KEY");
    assertThat(local.toArguments(RunSpec.NO_ENVIRONMENT)).containsExactly("--model", MODEL, "--base-url",
        "http://127.0.0.1:8765/v1");
    RunSpec named = RunSpec.fromWords(List.of("--model", MODEL, "--api-key-env", "MINE"), RunSpec.NO_ENVIRONMENT);
    assertThat(named.with(RunField.BASE_URL, java.net.URI.create("https://openrouter.ai/api/v1")).keyVariable())
        .as("a variable named stays").isEqualTo("MINE");
    assertThat(RunSpec.of(MODEL).with(RunField.EXAM, "113").answerKey()).as("the exam's own default key")
        .isEqualTo("official");
    assertThat(RunSpec.of(MODEL).with(RunField.API, dev.jmlebench.client.ApiKind.ANTHROPIC).baseUrl())
        .hasToString("https://api.anthropic.com/v1");
  }

  @Test
  void badValuesAreOneLineNamingTheOption() {
    assertThatThrownBy(() -> RunSpec.fromWords(List.of("--model", MODEL, "--parallel", "0"), RunSpec.NO_ENVIRONMENT))
        .isInstanceOf(UserError.class).hasMessage("--parallel: should be a positive number, not 0");
    assertThatThrownBy(() -> RunSpec.fromWords(List.of("--model", MODEL, "--questions", "B,zz"),
        RunSpec.NO_ENVIRONMENT)).hasMessageStartingWith("--questions: expected question ids (120A-1)");
    assertThatThrownBy(() -> RunSpec.fromWords(List.of("--model", MODEL, "--exam", "119", "--key", "author"),
        RunSpec.NO_ENVIRONMENT)).hasMessageStartingWith("--key author: ");
    assertThatThrownBy(() -> RunSpec.fromWords(List.of("--model", MODEL, "--price-input", "1"),
        RunSpec.NO_ENVIRONMENT)).hasMessage("--price-input is given without --price-output: give both (USD per "
            + "million tokens)");
    assertThatThrownBy(() -> RunSpec.fromWords(List.of("--model", MODEL, "--retry-budget", "0.01"),
        RunSpec.NO_ENVIRONMENT)).hasMessage("--retry-budget: should be longer than the first backoff (1 s), not "
            + "0.01 minutes");
  }

  @Test
  void aLanguageIsOfferedOnlyForAnExamWhoseSourcePublishesItsTranslation() {
    assertThatThrownBy(() -> RunSpec.fromWords(List.of("--model", MODEL, "--language", "en"), RunSpec.NO_ENVIRONMENT))
        .isInstanceOf(UserError.class).hasMessage("--language: en is not offered for the 120th exam: its source "
            + "publishes no translation (exams with one: 112, 113, 114, 115, 116)");
    assertThatThrownBy(() -> RunSpec.fromWords(List.of("--model", MODEL, "--exam", "113", "--language", "fr"),
        RunSpec.NO_ENVIRONMENT)).hasMessage("--language: expected ja or en, not 'fr'");
    assertThatThrownBy(() -> RunSpec.fromWords(List.of("--model", MODEL, "--choice-order", "cyclic"),
        RunSpec.NO_ENVIRONMENT)).hasMessage("--choice-order: expected cyclic:K (K = 0, 1, 2, …) or shuffle:SEED (a "
            + "whole number), not 'cyclic'");
  }

  @Test
  void aRunWithoutAVariantRecordsNoVariantField() {
    ObjectNode m = RunSpec.fromWords(List.of("--model", MODEL, "--language", "ja"), RunSpec.NO_ENVIRONMENT)
        .toMetadata();
    assertThat(m.has("choice_order")).isFalse();
    assertThat(m.has("language")).isFalse();
    ObjectNode variant = RunSpec.fromWords(List.of("--model", MODEL, "--exam", "116", "--language", "en",
        "--choice-order", "cyclic:3"), RunSpec.NO_ENVIRONMENT).toMetadata();
    assertThat(variant.get("choice_order").asText()).isEqualTo("cyclic:3");
    assertThat(variant.get("language").asText()).isEqualTo("en");
  }

  @Test
  void aPerExamKeyGivesTheRunItsExamsEntry() {
    RunSpec spec = RunSpec.fromWords(List.of("--model", MODEL, "--exam", "113", "--key", "120=author,113=igakuqa"),
        RunSpec.NO_ENVIRONMENT);
    assertThat(spec.answerKey()).isEqualTo("igakuqa");
    assertThat(RunSpec.fromWords(List.of("--model", MODEL, "--exam", "119", "--key", "120=author"),
        RunSpec.NO_ENVIRONMENT).answerKey()).as("another exam's entry: the default").isEqualTo("official");
  }
}
