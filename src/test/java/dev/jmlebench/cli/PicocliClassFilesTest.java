package dev.jmlebench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * picocli's own jar holds Java 5 class files (version 49), which class-data sharing refuses ("Pre JDK 6 class not
 * supported by CDS") and the old verifier checks on every start. The build compiles its sources into this
 * project's classes instead, so that the launcher's class archives hold them like the rest.
 */
class PicocliClassFilesTest {
  @Test
  void picocliIsLoadedFromClassFilesClassDataSharingCanArchive() throws IOException {
    for (Class<?> c : new Class<?>[] {CommandLine.class, CommandLine.Model.CommandSpec.class, AutoComplete.class}) {
      assertThat(majorVersion(c)).as(c.getName()).isGreaterThanOrEqualTo(61);   // Java 17
    }
  }

  @Test
  void picocliComesFromTheProgramsOwnClassesNotFromItsJar() {
    assertThat(CommandLine.class.getProtectionDomain().getCodeSource().getLocation())
        .isEqualTo(Main.class.getProtectionDomain().getCodeSource().getLocation());
  }

  private static int majorVersion(Class<?> c) throws IOException {
    String resource = "/" + c.getName().replace('.', '/') + ".class";
    try (InputStream in = c.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      DataInputStream data = new DataInputStream(in);
      assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
      data.readUnsignedShort();   // minor
      return data.readUnsignedShort();
    }
  }
}
