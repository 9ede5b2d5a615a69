package dev.jmlebench.leaderboard;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks a font family that can draw every character of the charts, Japanese included, so that no name or
 * title is ever drawn as boxes. Known Japanese families come first (Debian's fonts-noto-cjk provides the
 * first); only when none is installed are all installed families searched, which is slow.
 */
final class ChartFonts {
  private static final List<String> PREFERRED = List.of(
      "Noto Sans CJK JP", "Noto Sans JP", "Source Han Sans JP", "Source Han Sans", "IPAexGothic", "IPAGothic",
      "TakaoGothic", "VL Gothic", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", "Meiryo",
      "MS Gothic", "Noto Sans CJK SC", "WenQuanYi Zen Hei");

  /** The family chosen, and a warning when no installed font can draw all of {@code text}. */
  record Choice(String family, Optional<String> warning) {}

  private ChartFonts() {}

  static Choice choose(String text) {
    for (String family : PREFERRED) {
      if (draws(family, text)) {
        return new Choice(family, Optional.empty());
      }
    }
    for (String family : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT)) {
      if (draws(family, text)) {
        return new Choice(family, Optional.empty());
      }
    }
    Font fallback = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    int bad = fallback.canDisplayUpTo(text);
    return new Choice(Font.SANS_SERIF, bad < 0 ? Optional.empty() : Optional.of(
        "no installed font can draw '" + new String(Character.toChars(text.codePointAt(bad)))
            + "' in the charts; install a Japanese font (Debian: apt-get install fonts-noto-cjk)"));
  }

  /** Whether the family is installed (an unknown name falls back to "Dialog") and has every character. */
  private static boolean draws(String family, String text) {
    Font f = new Font(family, Font.PLAIN, 12);
    return f.getFamily(Locale.ROOT).equalsIgnoreCase(family) && f.canDisplayUpTo(text) < 0;
  }
}
