package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script ./jmle-bench, run on a copy of it in a project whose jar is already built (a stand-in
 * that prints how it was started), so no test builds anything.
 */
class LauncherTest {
  private static final List<String> TOOLS = List.of("bash", "env", "readlink", "dirname", "find", "touch",
      "mkdir", "rm", "mv", "sed", "tee", "tail");

  @TempDir Path tmp;
  private Path project;

  private record Outcome(int exitCode, String output) {}

  @AfterEach
  void removeLinksToSystemTools() throws IOException {
    Path bin = tmp.resolve("nojava-bin");
    if (Files.isDirectory(bin)) {
      try (var links = Files.list(bin)) {
        for (Path link : links.toList()) {
          Files.delete(link); // links, not the tools; removed so JUnit need not warn
        }
      }
    }
  }

  @BeforeEach
  void projectWithABuiltJar() throws IOException {
    project = Files.createDirectories(tmp.resolve("project"));
    Files.copy(Path.of("jmle-bench"), project.resolve("jmle-bench"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.createDirectories(project.resolve("src/main"));
    Files.writeString(project.resolve("pom.xml"), "<project/>");
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    Path source = Files.writeString(tmp.resolve("Echo.java"), "public class Echo { public static void main(String[] a) {"
        + " System.out.println(\"launcher=\" + System.getProperty(\"jmle.launcher\"));"
        + " System.out.println(\"java.home=\" + System.getProperty(\"java.home\"));"
        + " System.out.println(\"options=\" + java.lang.management.ManagementFactory.getRuntimeMXBean()"
        + ".getInputArguments()); if (java.util.List.of(a).contains(\"--fail\")) System.exit(2); } }");
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString()))
        .isZero();
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Echo");
    Path jar = Files.createDirectories(project.resolve("target")).resolve("jmle-bench.jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
      j.putNextEntry(new ZipEntry("Echo.class"));
      j.write(Files.readAllBytes(classes.resolve("Echo.class")));
    }
    FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
    Files.setLastModifiedTime(project.resolve("pom.xml"), old);
    Files.setLastModifiedTime(project.resolve("src/main"), old);
  }

  private Outcome launch(Path workDir, Map<String, String> env, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    pb.environment().remove("JAVA_HOME");
    pb.environment().put("JMLE_BENCH_NO_CDS", "1");
    pb.environment().putAll(env);
    pb.environment().values().removeIf(String::isEmpty); // an empty value: the variable unset
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
    return new Outcome(p.exitValue(), output);
  }

  /** A PATH holding the tools the launcher uses, and no java. */
  private String pathWithoutJava() throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("nojava-bin"));
    for (String tool : TOOLS) {
      for (String dir : List.of("/usr/bin", "/bin")) {
        Path real = Path.of(dir, tool);
        if (Files.isExecutable(real) && !Files.exists(bin.resolve(tool))) {
          Files.createSymbolicLink(bin.resolve(tool), real);
        }
      }
    }
    return bin.toString();
  }

  @Test
  void throughASymlinkItFindsItsProjectAndNamesItselfAsCalled() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("jb"), project.resolve("jmle-bench"));

    Outcome byPath = launch(tmp, Map.of(), bin.resolve("jb").toString(), "--version");
    Outcome byName = launch(tmp, Map.of("PATH", bin + ":" + System.getenv("PATH")), "bash", "-c", "jb --version");
    Outcome fromRoot = launch(project, Map.of(), "./jmle-bench", "--version");
    Outcome relative = launch(tmp, Map.of(), "project/jmle-bench", "--version");

    assertThat(byPath.exitCode()).as(byPath.output()).isZero();
    assertThat(byPath.output()).contains("launcher=" + bin.resolve("jb"));
    assertThat(byName.output()).contains("launcher=jb\n");
    assertThat(fromRoot.output()).contains("launcher=./jmle-bench\n");
    assertThat(relative.output()).contains("launcher=" + project.resolve("jmle-bench") + "\n");
  }

  @Test
  void eachKindOfCommandGetsTheCompilerAndCollectorItsWorkNeedsAndAUsersOptionsComeLast() throws Exception {
    String launcher = project.resolve("jmle-bench").toString();
    for (String command : List.of("run", "continue", "suite", "bench")) {
      Outcome o = launch(tmp, Map.of(), launcher, command);

      assertThat(o.exitCode()).as(o.output()).isZero();
      assertThat(o.output()).as(command).contains("-XX:TieredStopAtLevel=1, -XX:+UseSerialGC")
          .doesNotContain("-Xmn8m"); // the heap as the JVM sizes it: a run's answers are not a short command's
    }
    // Commands that hold a folder of results keep both compilers, on a heap that gives back what it no longer needs.
    for (String command : List.of("serve", "report", "compare")) {
      Outcome o = launch(tmp, Map.of(), launcher, command);
      assertThat(o.output()).as(command).contains("-XX:+UseSerialGC, -XX:MinHeapFreeRatio=10, -XX:MaxHeapFreeRatio=30")
          .doesNotContain("TieredStopAtLevel");
    }
    Outcome stats = launch(tmp, Map.of(), launcher, "robustness");
    Outcome own = launch(tmp, Map.of("JMLE_BENCH_JAVA_OPTS", "-XX:+UseG1GC -XX:TieredStopAtLevel=4"), launcher, "run");

    assertThat(stats.output()).doesNotContain("TieredStopAtLevel").doesNotContain("UseSerialGC");
    // A user's options come last, so they win; a collector they name is the only one (the JVM refuses two).
    assertThat(own.exitCode()).as(own.output()).isZero();
    assertThat(own.output()).contains("-XX:TieredStopAtLevel=1, -XX:+UseG1GC, -XX:TieredStopAtLevel=4")
        .doesNotContain("UseSerialGC");
  }

  @Test
  void withoutJavaOnPathItUsesJavaHome() throws Exception {
    String javaHome = Path.of(System.getProperty("java.home")).toRealPath().toString();

    Outcome o = launch(tmp, Map.of("PATH", pathWithoutJava(), "JAVA_HOME", javaHome),
        project.resolve("jmle-bench").toString(), "--version");

    assertThat(o.exitCode()).as(o.output()).isZero();
    assertThat(o.output()).contains("java.home=" + javaHome);
  }

  @Test
  void withNoJavaAtAllItSaysSoInOneLine() throws Exception {
    Outcome o = launch(tmp, Map.of("PATH", pathWithoutJava()), project.resolve("jmle-bench").toString(), "--version");

    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.output()).isEqualTo("jmle-bench: no Java found (not on PATH, no JAVA_HOME): install a JDK 17 or "
        + "newer, or set JAVA_HOME to one\n");
  }

  @Test
  void aJavaOlderThan17IsRefusedInOneLine() throws Exception {
    Path old = Files.createDirectories(tmp.resolve("jdk11/bin"));
    Files.writeString(old.resolveSibling("release"), "JAVA_VERSION=\"11.0.22\"\n");
    Path java = Files.writeString(old.resolve("java"), "#!/bin/sh\necho should not run\n");
    java.toFile().setExecutable(true);

    Outcome o = launch(tmp, Map.of("PATH", pathWithoutJava(), "JAVA_HOME", old.getParent().toString()),
        project.resolve("jmle-bench").toString(), "--version");

    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.output()).isEqualTo("jmle-bench: " + java + " is Java 11.0.22; jmle-bench needs 17 or newer "
        + "(put one on PATH or set JAVA_HOME)\n");
  }

  /** A JDK or JRE home whose bin/java is a script that says it ran, of version {@code version}. */
  private Path fakeJava(String name, String version) throws IOException {
    Path bin = Files.createDirectories(tmp.resolve(name).resolve("bin"));
    Files.writeString(bin.resolveSibling("release"), "JAVA_VERSION=\"" + version + "\"\n");
    Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\necho \"the java on PATH ran\"\n");
    java.toFile().setExecutable(true);
    return bin.getParent();
  }

  @Test
  void javaHomeWinsOverAJavaOnPathAsWithMaven() throws Exception {
    Path onPath = fakeJava("jdk-on-path", "21.0.1");
    String javaHome = Path.of(System.getProperty("java.home")).toRealPath().toString();

    Outcome o = launch(tmp, Map.of("PATH", onPath.resolve("bin") + ":" + pathWithoutJava(), "JAVA_HOME", javaHome),
        project.resolve("jmle-bench").toString(), "--version");

    assertThat(o.exitCode()).as(o.output()).isZero();
    assertThat(o.output()).contains("java.home=" + javaHome).doesNotContain("the java on PATH ran");
  }

  @Test
  void aJavaHomeWithoutJavaIsRefusedInOneLineInsteadOfTakingAnother() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("not-a-jdk"));

    Outcome o = launch(tmp, Map.of("JAVA_HOME", empty.toString()), project.resolve("jmle-bench").toString(), "--version");

    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.output()).isEqualTo("jmle-bench: JAVA_HOME is " + empty + ", which has no bin/java: set it to a JDK "
        + "or JRE 17 or newer, or unset it to use the java on PATH\n");
  }

  @Test
  void inAReleaseArchiveItRunsTheJarBesideItWithoutBuilding() throws Exception {
    Path release = Files.createDirectories(tmp.resolve("jmle-bench-1.0"));
    Files.copy(project.resolve("jmle-bench"), release.resolve("jmle-bench"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(project.resolve("target/jmle-bench.jar"), release.resolve("jmle-bench.jar"));
    Files.createDirectories(release.resolve("lib"));

    Outcome o = launch(tmp, Map.of(), release.resolve("jmle-bench").toString(), "--version");

    assertThat(o.exitCode()).as(o.output()).isZero();
    assertThat(o.output()).startsWith("launcher=" + release.resolve("jmle-bench") + "\n").doesNotContain("building");
  }

  /** The JDKs to try the launcher's class-data sharing on: the one running the tests, and any other 17+ installed. */
  private static List<Path> installedJdks() throws IOException {
    List<Path> homes = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home")).toRealPath()));
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (var dirs = Files.list(jvms)) {
        for (Path d : dirs.sorted().toList()) {
          Path real = d.toRealPath();
          String release = Files.isRegularFile(real.resolve("release")) ? Files.readString(real.resolve("release")) : "";
          var m = java.util.regex.Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(release);
          if (Files.isExecutable(real.resolve("bin/java")) && m.find() && Integer.parseInt(m.group(1)) >= 17
              && !homes.contains(real)) {
            homes.add(real);
          }
        }
      }
    }
    return homes;
  }

  @Test
  void aCommandsArchiveIsDumpedByARunOfItNotByItsHelpOrAFailedCall() throws Exception {
    Path jdk = installedJdks().get(0);
    Map<String, String> env = Map.of("JMLE_BENCH_NO_CDS", "", "JAVA_HOME", jdk.toString());
    String launcher = project.resolve("jmle-bench").toString();

    Outcome help = launch(tmp, env, launcher, "summary", "--help");
    Outcome failed = launch(tmp, env, launcher, "summary", "--fail", "x.json");
    assertThat(help.output()).contains("-XX:ArchiveClassesAtExit=").contains("summary-help.jsa");
    assertThat(failed.exitCode()).isEqualTo(2);
    assertThat(archives()).as("after the help and a failed call").containsExactly("summary-help.jsa");

    Outcome first = launch(tmp, env, launcher, "summary", "x.json");
    Outcome second = launch(tmp, env, launcher, "summary", "x.json");
    assertThat(first.output()).contains("-XX:ArchiveClassesAtExit=");
    assertThat(second.output()).contains("-XX:SharedArchiveFile=").contains("summary.jsa")
        .doesNotContain("summary-help.jsa");
    assertThat(archives()).containsExactlyInAnyOrder("summary-help.jsa", "summary.jsa");
  }

  /** The names of the files in the project's class-archive folders. */
  private List<String> archives() throws IOException {
    try (var files = Files.walk(project.resolve("target/cds"))) {
      return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
    }
  }

  @Test
  void onlyShortCommandsDumpAClassArchiveAndLaterRunsMapIt() throws Exception {
    for (Path jdk : installedJdks()) {
      Map<String, String> env = Map.of("JMLE_BENCH_NO_CDS", "", "JAVA_HOME", jdk.toString());
      String launcher = project.resolve("jmle-bench").toString();

      Outcome first = launch(tmp, env, launcher, "summary", "x.json");
      Outcome second = launch(tmp, env, launcher, "summary", "x.json");
      Outcome run = launch(tmp, env, launcher, "run", "--model", "m");
      Outcome serve = launch(tmp, env, launcher, "serve");

      assertThat(first.exitCode()).as(jdk + ": " + first.output()).isZero();
      assertThat(first.output()).as(jdk.toString()).contains("-XX:ArchiveClassesAtExit=");
      assertThat(second.output()).as(jdk.toString()).contains("-XX:SharedArchiveFile=")
          .doesNotContain("ArchiveClassesAtExit").doesNotContain("AutoCreateSharedArchive");
      // A long command dumps nothing at its exit, when its threads may still be at work: JDK 25 crashed in
      // that dump after a run (SIGSEGV in LambdaProxyClassDictionary::find_lambda_proxy_class).
      for (Outcome longOne : List.of(run, serve)) {
        assertThat(longOne.exitCode()).as(jdk + ": " + longOne.output()).isZero();
        assertThat(longOne.output()).as(jdk.toString()).doesNotContain("ArchiveClassesAtExit")
            .doesNotContain("AutoCreateSharedArchive").doesNotContain("SharedArchiveFile");
      }
      try (var archives = Files.walk(project.resolve("target/cds"))) {
        assertThat(archives.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsa") || n.endsWith(".tmp")))
            .as(jdk.toString()).contains("summary.jsa").noneMatch(n -> n.endsWith(".tmp") || n.startsWith("run")
                || n.startsWith("serve"));
      }
    }
  }
}
