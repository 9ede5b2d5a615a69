package dev.jmlebench.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.mock.MockOptions;
import dev.jmlebench.mock.MockServer;
import dev.jmlebench.results.QuestionResult;
import dev.jmlebench.results.ResultFile;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.testing.Cli;
import dev.jmlebench.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The response cache as a hostile disk leaves it: a folder that is not a cache given to {@code cache prune},
 * entries swapped under each other's names, a cache that cannot be written before or during a run.
 */
class ResponseCacheTest {
  private static final String DATASET = SharedData.root().toString();

  @TempDir Path dir;

  private static Cli.Outcome run(MockServer server, Path out, Path cache, String... more) {
    List<String> args = new ArrayList<>(List.of("run", "--model", "m", "--base-url", server.baseUrl().toString(),
        "--dataset", DATASET, "--out", out.toString(), "--parallel", "8", "--cache", cache.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  private static List<String> answers(Path file) {
    return ResultFiles.read(file).results().stream().map(r -> r.questionId() + " " + r.rawResponse()).toList();
  }

  private static List<Path> entryFiles(Path cache) throws IOException {
    try (Stream<Path> s = Files.walk(cache)) {
      return s.filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}\\.json")).sorted().toList();
    }
  }

  @Test
  void pruneOfAFolderThatIsNotACacheRemovesNothingAndSaysSoInOneLine() throws IOException {
    Path folder = dir.resolve("project");
    Path result = folder.resolve("results/openai_gpt-5.2.json");
    Path source = folder.resolve("src/B.java");
    Path old = folder.resolve("src/Old.java");
    for (Path p : List.of(result, source, old)) {
      Files.createDirectories(p.getParent());
      Files.writeString(p, "precious " + p.getFileName());
    }
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(31))));
    // Even a file of exactly an entry's name, in a folder never marked, is not the cache's to remove.
    String hash = "ab" + "0".repeat(62);
    Path lookalike = folder.resolve("ab/" + hash + ".json");
    Files.createDirectories(lookalike.getParent());
    Files.writeString(lookalike, "{}");

    for (String[] args : List.of(new String[] {"cache", "prune", "--all", folder.toString()},
        new String[] {"cache", "prune", folder.toString()}, new String[] {"cache", "stats", folder.toString()})) {
      Cli.Outcome o = Cli.run(args);
      assertThat(o.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(o.err().strip()).as(o.err()).doesNotContain("\n").contains(folder.toString())
          .contains("not a response cache of jmle-bench").contains("nothing in it is touched");
    }
    for (Path p : List.of(result, source, old, lookalike)) {
      assertThat(p).as("left where it was").exists();
    }
  }

  @Test
  void pruneRemovesOnlyTheCachesOwnEntriesAndNothingPlacedAmongThem() throws IOException {
    Path cache = dir.resolve("cache");
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT)) {
      Cli.Outcome o = run(server, dir.resolve("a.json"), cache, "--blocks", "B");
      assertThat(o.exitCode()).as(o.err()).isZero();
    }
    List<Path> entries = entryFiles(cache);
    assertThat(entries).hasSize(50);
    Path shard = entries.get(0).getParent();
    Path notes = Files.writeString(shard.resolve("notes.txt"), "mine");
    Path other = cache.resolve(shard.getFileName().toString().equals("ff") ? "fe" : "ff");
    Files.createDirectories(other);
    Path wrongShard = Files.writeString(other.resolve(entries.get(0).getFileName()), "{}");
    Path outside = Files.writeString(dir.resolve("outside.json"), "{}");
    String linkedHash = "cd" + "1".repeat(62);
    Files.createDirectories(cache.resolve("cd"));
    Path link = Files.createSymbolicLink(cache.resolve("cd/" + linkedHash + ".json"), outside);
    Path nested = cache.resolve("sub/ab/" + "ab" + "2".repeat(62) + ".json");
    Files.createDirectories(nested.getParent());
    Files.writeString(nested, "{}");

    Cli.Outcome stats = Cli.run("cache", "stats", cache.toString());
    assertThat(stats.out()).contains(": 50 replies");
    Cli.Outcome pruned = Cli.run("cache", "prune", "--all", cache.toString());
    assertThat(pruned.exitCode()).as(pruned.err()).isZero();
    assertThat(pruned.out()).contains("removed 50 replies; 0 left");
    assertThat(entryFiles(cache)).containsExactlyInAnyOrder(wrongShard, link, nested);
    assertThat(List.of(notes, wrongShard, outside, nested)).allSatisfy(p -> assertThat(p).exists());
    assertThat(Files.isSymbolicLink(link)).isTrue();
  }

  /**
   * 50 answers cached, then their entries moved pairwise under each other's names, as a careless copy or a
   * hostile hand might: a second run is answered by none of them — each is asked again — and its answers are
   * those of the first run, not the swapped ones.
   */
  @Test
  void anEntryStoredForAnotherRequestIsAMissNotAnAnswer() throws IOException {
    Path cache = dir.resolve("cache");
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT)) {
      Cli.Outcome first = run(server, dir.resolve("a.json"), cache, "--blocks", "B");
      assertThat(first.exitCode()).as(first.err()).isZero();
      List<Path> entries = entryFiles(cache);
      assertThat(entries).hasSize(50);
      List<byte[]> contents = new ArrayList<>();
      for (Path e : entries) {
        contents.add(Files.readAllBytes(e));
      }
      for (int i = 0; i < entries.size(); i++) {
        Files.write(entries.get(i), contents.get((i + 1) % entries.size()));
      }
      int before = server.totalRequests();

      Cli.Outcome second = run(server, dir.resolve("b.json"), cache, "--blocks", "B");
      assertThat(second.exitCode()).as(second.err()).isZero();
      assertThat(second.out()).contains("0 answer(s) from the cache without a request");
      assertThat(server.totalRequests() - before).as("every swapped entry asked again").isEqualTo(50);
      assertThat(answers(dir.resolve("b.json"))).isEqualTo(answers(dir.resolve("a.json")));

      // Asked again, each entry now holds its own request's reply: a third run asks nothing.
      Cli.Outcome third = run(server, dir.resolve("c.json"), cache, "--blocks", "B");
      assertThat(third.out()).contains("50 answer(s) from the cache without a request — nothing was asked");
      assertThat(answers(dir.resolve("c.json"))).isEqualTo(answers(dir.resolve("a.json")));
    }
  }

  @Test
  void aCacheThatCannotBeWrittenIsRefusedBeforeTheFirstRequest() throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "not a folder");
    Path results = dir.resolve("results");
    Files.createDirectories(results);
    Files.writeString(results.resolve("openai_gpt-5.2.json"), "{}");
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT)) {
      for (Path cache : List.of(file.resolve("cache"), file, results)) {
        Path out = dir.resolve("out-" + cache.getFileName() + ".json");
        Cli.Outcome o = run(server, out, cache, "--blocks", "B");
        assertThat(o.exitCode()).as(o.out() + o.err()).isEqualTo(2);
        assertThat(o.err().strip()).as(o.err()).doesNotContain("\n").startsWith("jmle-bench: --cache " + cache + ": ")
            .doesNotContain("internal error");
        assertThat(out).doesNotExist();
      }
      assertThat(server.totalRequests()).as("nothing asked, nothing paid").isZero();
    }
    assertThat(Files.readString(file)).isEqualTo("not a folder");
    assertThat(results.resolve("openai_gpt-5.2.json")).hasContent("{}");
  }

  /**
   * A cache that stops taking writes in the middle of a run (here every shard is a file): every answer is
   * still journaled and written, and the run says how many replies it could not store.
   */
  @Test
  void aCacheWriteThatFailsLosesNoAnswer() throws IOException {
    Path cache = dir.resolve("cache");
    ResponseCache.open(cache, "--cache");
    for (int i = 0; i < 256; i++) {
      Files.writeString(cache.resolve(String.format("%02x", i)), "in the way");
    }
    try (MockServer server = MockServer.start(0, SharedData.dataset(), null, MockOptions.INSTANT)) {
      Path out = dir.resolve("a.json");
      Cli.Outcome o = run(server, out, cache, "--blocks", "B");
      assertThat(o.exitCode()).as(o.out() + o.err()).isZero();
      assertThat(server.totalRequests()).isEqualTo(50);
      assertThat(o.out()).contains("0 stored").contains("50 could not be stored (")
          .contains("the answers themselves are saved");
      ResultFile written = ResultFiles.read(out);
      assertThat(written.results()).hasSize(50).allSatisfy(r -> assertThat(r.error()).isNull());
      assertThat(written.results().stream().map(QuestionResult::rawResponse)).allSatisfy(t -> assertThat(t).isNotEmpty());
    }
  }

  @Test
  void aStoredReplyIsServedOnlyForTheRequestItRecords() throws IOException {
    ResponseCache cache = ResponseCache.open(dir.resolve("c"), "--cache");
    String a = "a".repeat(64);
    String b = "b".repeat(64);
    var reply = new dev.jmlebench.client.Completion("【回答】a", null,
        new dev.jmlebench.client.Usage(1, 2, null, null), "stop");
    cache.put(a, reply);
    assertThat(cache.get(a)).contains(reply);
    Files.createDirectories(cache.fileOf(b).getParent());
    Files.copy(cache.fileOf(a), cache.fileOf(b));
    assertThat(cache.get(b)).as("a copy under another request's name").isEmpty();
    // An entry of version 1 recorded no request: it cannot show whose reply it is.
    String v1 = Files.readString(cache.fileOf(a), StandardCharsets.UTF_8).replace("\"request_sha256\":\"" + a + "\",", "");
    Files.writeString(cache.fileOf(a), v1);
    assertThat(cache.get(a)).isEmpty();
  }
}
