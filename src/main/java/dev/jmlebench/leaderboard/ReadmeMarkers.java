package dev.jmlebench.leaderboard;

import dev.jmlebench.common.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Where the leaderboard tables go in a README: exactly one well-formed pair of markers per table. A
 * marker counts only where Markdown reads it as an HTML comment; one quoted in inline code, a fenced or an
 * indented code block is prose about the markers, not a place for a table. Anything else (a duplicated
 * pair, a start without its end, an end before its start, pairs nested or interleaved) is refused, so that
 * no table is written into prose, no stale copy stays behind and no text between markers is lost.
 */
final class ReadmeMarkers {
  private static final Parser MARKDOWN = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
      .build();

  /** The two markers of one table. */
  record Place(String start, String end) {}

  /** One table's place in a README: its current rows lie between {@code bodyStart} and {@code bodyEnd}. */
  record Pair(Place place, int bodyStart, int bodyEnd) {}

  private record Marker(Place place, boolean start, int offset) {
    String text() {
      return start ? place.start() : place.end();
    }
  }

  private ReadmeMarkers() {}

  /**
   * Where each of {@code places} is in {@code text}; a table without any marker is absent.
   *
   * @throws UserError naming the line of the first misplaced marker
   */
  static Map<Place, Pair> find(String text, Path readme, List<Place> places) {
    Map<Place, List<Marker>> starts = new HashMap<>();
    Map<Place, List<Marker>> ends = new HashMap<>();
    for (Marker m : markers(text, places)) {
      (m.start() ? starts : ends).computeIfAbsent(m.place(), k -> new ArrayList<>()).add(m);
    }
    Map<Place, Pair> pairs = new LinkedHashMap<>();
    for (Place place : places) {
      List<Marker> s = starts.getOrDefault(place, List.of());
      List<Marker> e = ends.getOrDefault(place, List.of());
      if (s.size() > 1 || e.size() > 1) {
        List<Marker> twice = s.size() > 1 ? s : e;
        throw refused(readme, text, twice.get(1).offset(), "a second " + twice.get(1).text()
            + " (the first is on line " + line(text, twice.get(0).offset()) + "); keep exactly one pair per table");
      }
      if (s.isEmpty() && e.isEmpty()) {
        continue;
      }
      if (e.isEmpty()) {
        throw refused(readme, text, s.get(0).offset(), place.start() + " has no " + place.end() + " after it");
      }
      if (s.isEmpty() || e.get(0).offset() < s.get(0).offset()) {
        throw refused(readme, text, e.get(0).offset(), place.end() + " has no " + place.start() + " before it");
      }
      pairs.put(place, new Pair(place, s.get(0).offset() + place.start().length(), e.get(0).offset()));
    }
    List<Pair> byPosition = new ArrayList<>(pairs.values());
    byPosition.sort(Comparator.comparingInt(Pair::bodyStart));
    for (int i = 1; i < byPosition.size(); i++) {
      Pair outer = byPosition.get(i - 1);
      Pair inner = byPosition.get(i);
      if (inner.bodyStart() < outer.bodyEnd()) {
        throw refused(readme, text, inner.bodyStart() - inner.place().start().length(), inner.place().start()
            + " lies between " + outer.place().start() + " and " + outer.place().end()
            + "; the tables may not nest or interleave");
      }
    }
    return pairs;
  }

  /** Every marker Markdown reads as HTML (a block or inline comment), by offset in {@code text}. */
  private static List<Marker> markers(String text, List<Place> places) {
    List<Marker> found = new ArrayList<>();
    MARKDOWN.parse(text).accept(new AbstractVisitor() {
      @Override
      public void visit(HtmlBlock html) {
        collect(html);
      }

      @Override
      public void visit(HtmlInline html) {
        collect(html);
      }

      private void collect(Node html) {
        for (SourceSpan span : html.getSourceSpans()) {
          String raw = text.substring(span.getInputIndex(), span.getInputIndex() + span.getLength());
          for (Place place : places) {
            collect(raw, span.getInputIndex(), place, true);
            collect(raw, span.getInputIndex(), place, false);
          }
        }
      }

      private void collect(String raw, int base, Place place, boolean start) {
        String marker = start ? place.start() : place.end();
        for (int i = raw.indexOf(marker); i >= 0; i = raw.indexOf(marker, i + marker.length())) {
          found.add(new Marker(place, start, base + i));
        }
      }
    });
    found.sort(Comparator.comparingInt(Marker::offset));
    return found;
  }

  private static UserError refused(Path readme, String text, int offset, String problem) {
    return new UserError(readme + ": line " + line(text, offset) + ": " + problem + "; the README was left untouched");
  }

  private static int line(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
