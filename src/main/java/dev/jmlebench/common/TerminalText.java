package dev.jmlebench.common;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Text from servers and files on its way to a terminal. A result file's {@code display_name} or a server's
 * error message may hold escape sequences (ESC, OSC, C1 controls) that would clear the screen, set the
 * window title or forge output; every such character is shown as its JSON escape ({@code \u001B}) instead,
 * so the text stays readable and inert. Bidirectional overrides are escaped too: they reorder what a reader
 * sees. This is the one place that decides what may reach a terminal; the CLI guards its writers with it.
 */
public final class TerminalText {
  private static final String HEX = "0123456789ABCDEF";
  /** Kept by {@link #safe}: the layout characters our own output is made of. */
  private static final String LAYOUT = System.lineSeparator().contains("\r") ? "\n\t\r" : "\n\t";

  private TerminalText() {}

  /** {@code text} with every control character but newline and tab escaped; null stays null. */
  public static String safe(CharSequence text) {
    return escape(text, LAYOUT);
  }

  /** {@code text} as one line: newlines, carriage returns and tabs are escaped as well; null stays null. */
  public static String oneLine(CharSequence text) {
    return escape(text, "");
  }

  /** A writer that passes everything printed through {@link #safe} on its way to {@code out}, without colour. */
  public static PrintWriter guard(PrintWriter out) {
    return guard(out, false);
  }

  /**
   * A writer that passes everything printed through {@link #safe} on its way to {@code out}; then the colour
   * marks of {@link Styled} become ANSI colour when {@code colour}, or are dropped.
   */
  public static PrintWriter guard(PrintWriter out, boolean colour) {
    return new PrintWriter(new Guard(out, colour), true);
  }

  /** Control characters (Unicode Cc) and the bidirectional marks, embeddings, overrides and isolates. */
  static boolean isUnsafe(char c) {
    return Character.getType(c) == Character.CONTROL
        || c == '\u061C' || c == '\u200E' || c == '\u200F'
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
  }

  private static String escape(CharSequence text, String keep) {
    if (text == null) {
      return null;
    }
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isUnsafe(c) && keep.indexOf(c) < 0) {
        if (sb == null) {
          sb = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        sb.append("\\u").append(HEX.charAt(c >> 12)).append(HEX.charAt(c >> 8 & 15))
            .append(HEX.charAt(c >> 4 & 15)).append(HEX.charAt(c & 15));
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? text.toString() : sb.toString();
  }

  /** Escapes per character, so a sequence split across two writes is caught as well. */
  private static final class Guard extends FilterWriter {
    private final boolean colour;

    Guard(Writer out, boolean colour) {
      super(out);
      this.colour = colour;
    }

    @Override
    public void write(int c) throws IOException {
      out.write(styled(safe(String.valueOf((char) c))));
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      out.write(styled(safe(new String(buf, off, len))));
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
      out.write(styled(safe(s.substring(off, off + len))));
    }

    /** After the escaping: the colour marks as ANSI colour, or nothing. */
    private String styled(String text) {
      return Styled.render(text, colour);
    }
  }
}
