package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmlebench.dataset.Question;
import dev.jmlebench.mock.MockBias;
import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.ResultSchema;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24: a run variant — its choices in another order, or the exam in English — is part of what a run is.
 * The run shows each question as the variant says, reads the answer given in the letters shown back in the
 * exam's letters, records the order shown (or why a question kept the exam's), and is never continued as, nor
 * continues, a run without it.
 */
class VariantRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DATASET = SharedData.root().toString();
  private static final Pattern ANSWER = Pattern.compile("【回答】([a-e,]+)");

  @TempDir Path dir;

  private static Cli.Outcome run(MockServer server, Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("run", "--model", "demo", "--base-url", server.baseUrl().toString(),
        "--dataset", DATASET, "--out", out.toString(), "--questions", "B"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  private static Map<String, QuestionResult> byId(ResultFile f) {
    return f.results().stream().collect(Collectors.toMap(QuestionResult::questionId, Function.identity()));
  }

  @Test
  void anAnswerGivenInTheLettersShownIsRecordedInTheExamsLettersWithTheOrderShown() throws Exception {
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT)) {
      Path plain = dir.resolve("default.json");
      Path shifted = dir.resolve("cyclic1.json");
      assertThat(run(server, plain).exitCode()).isZero();
      Cli.Outcome o = run(server, shifted, "--choice-order", "cyclic:1");
      assertThat(o.exitCode()).as(o.err()).isZero();

      JsonNode plainMeta = JSON.readTree(plain.toFile()).get("metadata");
      JsonNode meta = JSON.readTree(shifted.toFile()).get("metadata");
      assertThat(plainMeta.has(ResultSchema.Metadata.CHOICE_ORDER)).isFalse();
      assertThat(meta.get(ResultSchema.Metadata.CHOICE_ORDER).asText()).isEqualTo("cyclic:1");
      assertThat(meta.has(ResultSchema.Metadata.LANGUAGE)).as("Japanese is the exam's own").isFalse();

      Map<String, QuestionResult> before = byId(ResultFiles.read(plain));
      ResultFile variant = ResultFiles.read(shifted);
      assertThat(variant.results()).hasSize(50);
      int checked = 0;
      for (QuestionResult r : variant.results()) {
        Question q = SharedData.dataset().question(r.questionId()).orElseThrow();
        QuestionResult asked = before.get(r.questionId());
        assertThat(asked.extra()).doesNotContainKeys(ResultSchema.Result.SHOWN_ORDER, ResultSchema.Result.ORDER_FIXED);
        // The mock answers the same choice whatever letter it is shown with: in the exam's letters, the same answer.
        assertThat(r.predicted()).as(r.questionId()).isEqualTo(asked.predicted());
        assertThat(r.correct()).isEqualTo(asked.correct());
        assertThat(r.gold()).isEqualTo(q.answer());
        List<String> shown = new ArrayList<>();
        r.extra().get(ResultSchema.Result.SHOWN_ORDER).forEach(n -> shown.add(n.asText()));
        int n = shown.size();
        assertThat(n).as(r.questionId()).isEqualTo(5);
        for (int i = 0; i < n; i++) {
          assertThat(shown.get(i)).isEqualTo(String.valueOf((char) ('a' + (i + 1) % n)));
        }
        // The raw response is as the model wrote it: in the letters shown, each the shown place of the exam's.
        Matcher m = ANSWER.matcher(r.rawResponse());
        assertThat(m.find()).as(r.rawResponse()).isTrue();
        List<String> readBack = new ArrayList<>();
        for (String letter : m.group(1).split(",")) {
          readBack.add(shown.get(letter.charAt(0) - 'a'));
        }
        assertThat(readBack.stream().sorted().toList()).isEqualTo(r.predicted());
        if (!m.group(1).equals(String.join(",", r.predicted()))) {
          checked++;
        }
      }
      assertThat(checked).as("answers whose letters shown differ from the exam's").isGreaterThan(40);
      assertThat(variant.summary().score()).isEqualTo(ResultFiles.read(plain).summary().score());
    }
  }

  @Test
  void aVariantRunRefusesToContinueADefaultFileAndADefaultRunAVariantFileNamingTheField() throws Exception {
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT)) {
      Path plain = dir.resolve("default.json");
      Path shuffled = dir.resolve("shuffled.json");
      assertThat(run(server, plain).exitCode()).isZero();
      assertThat(run(server, shuffled, "--choice-order", "shuffle:7").exitCode()).isZero();
      byte[] plainBytes = Files.readAllBytes(plain);
      byte[] shuffledBytes = Files.readAllBytes(shuffled);
      int asked = server.totalRequests();

      Cli.Outcome variantOnDefault = run(server, plain, "--choice-order", "cyclic:1");
      assertThat(variantOnDefault.exitCode()).isEqualTo(2);
      assertThat(variantOnDefault.err().strip()).isEqualTo("jmle-bench: " + plain + " is another run (choice order "
          + "none there, cyclic:1 here): it is continued only as that run; choose another --out for this one, or "
          + "--new to start it in a new file");
      Cli.Outcome defaultOnVariant = run(server, shuffled);
      assertThat(defaultOnVariant.exitCode()).isEqualTo(2);
      assertThat(defaultOnVariant.err()).contains("(choice order shuffle:7 there, none here)");
      Cli.Outcome otherShuffle = run(server, shuffled, "--choice-order", "shuffle:8");
      assertThat(otherShuffle.err()).contains("(choice order shuffle:7 there, shuffle:8 here)");

      assertThat(Files.readAllBytes(plain)).isEqualTo(plainBytes);
      assertThat(Files.readAllBytes(shuffled)).isEqualTo(shuffledBytes);
      assertThat(server.totalRequests()).as("nothing asked").isEqualTo(asked);
      Cli.Outcome again = Cli.run("continue", shuffled.toString(), "--dataset", DATASET);
      assertThat(again.exitCode()).as(again.err()).isZero();
      assertThat(again.out()).as("continue takes the variant from the file").contains("nothing asked");
    }
  }

  @Test
  void theIdentityOrderSendsTheDefaultRunsRequestsSoTheCacheAnswersItWithoutARequest() throws Exception {
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT)) {
      Path cache = dir.resolve("cache");
      assertThat(run(server, dir.resolve("default.json"), "--cache", cache.toString()).exitCode()).isZero();
      int asked = server.totalRequests();
      assertThat(asked).isEqualTo(50);

      Cli.Outcome identity = run(server, dir.resolve("cyclic0.json"), "--choice-order", "cyclic:0", "--cache",
          cache.toString());
      assertThat(identity.exitCode()).as(identity.err()).isZero();
      assertThat(server.totalRequests()).as("cyclic:0 asks byte for byte what the default run asked").isEqualTo(asked);
      assertThat(identity.out()).contains("50 answer(s) from the cache without a request — nothing was asked");

      assertThat(run(server, dir.resolve("cyclic2.json"), "--choice-order", "cyclic:2", "--cache", cache.toString())
          .exitCode()).isZero();
      assertThat(server.totalRequests()).as("another order is another request").isEqualTo(asked + 50);
    }
  }

  @Test
  void englishIsOfferedOnlyForAnExamWhoseSourcePublishesItsTranslation() throws Exception {
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT)) {
      Cli.Outcome o = run(server, dir.resolve("en.json"), "--language", "en");
      assertThat(o.exitCode()).isEqualTo(2);
      assertThat(o.err().strip()).isEqualTo("jmle-bench: --language: en is not offered for the 120th exam: its "
          + "source publishes no translation (exams with one: 112, 113, 114, 115, 116)");
      assertThat(server.totalRequests()).isZero();
      assertThat(dir.resolve("en.json")).doesNotExist();
    }
  }

  @Test
  void anEnglishRunAsksTheTranslationAndRecordsItsLanguage() throws Exception {
    var exam = SharedData.datasetIgakuqa("113");
    var english = SharedData.englishIgakuqa("113");
    // English-aware: a question asked in English is answered wrong when its number is a multiple of 5, so the
    // answers tell which language the mock was asked in.
    MockOptions englishAware = MockOptions.INSTANT.withBias(new MockBias(null, 1, false, true));
    try (MockServer server = MockServer.startReplaying(0, exam, english, List.of(), englishAware,
        Question::answer)) {
      Path ja = dir.resolve("ja.json");
      Path en = dir.resolve("en.json");
      String root = SharedData.rootIgakuqa().toString();
      for (Path out : List.of(ja, en)) {
        List<String> args = new ArrayList<>(List.of("run", "--model", "demo", "--base-url",
            server.baseUrl().toString(), "--exam", "113", "--dataset", root, "--out", out.toString(), "--questions",
            "A", "--limit", "12"));
        if (out == en) {
          args.addAll(List.of("--language", "en", "--choice-order", "cyclic:2"));
        }
        Cli.Outcome o = Cli.run(args.toArray(String[]::new));
        assertThat(o.exitCode()).as(o.err()).isZero();
      }
      JsonNode meta = JSON.readTree(en.toFile()).get("metadata");
      assertThat(meta.get(ResultSchema.Metadata.LANGUAGE).asText()).isEqualTo("en");
      assertThat(meta.get(ResultSchema.Metadata.TRANSLATION_SHA256).asText()).isEqualTo(english.sha256());
      assertThat(JSON.readTree(ja.toFile()).get("metadata").has(ResultSchema.Metadata.TRANSLATION_SHA256)).isFalse();
      Map<String, QuestionResult> japanese = byId(ResultFiles.read(ja));
      ResultFile asked = ResultFiles.read(en);
      assertThat(asked.results()).hasSize(12).allSatisfy(r -> {
        QuestionResult inJapanese = japanese.get(r.questionId());
        if (r.questionId().equals("113A-5") || r.questionId().equals("113A-10")) {
          assertThat(inJapanese.correct()).isTrue();
          assertThat(r.correct()).as(r.questionId() + " was asked in English").isFalse();
        } else {
          assertThat(r.predicted()).as(r.questionId()).isEqualTo(inJapanese.predicted());
        }
      });
    }
  }
}
