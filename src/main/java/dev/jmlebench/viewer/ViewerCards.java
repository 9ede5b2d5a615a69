package dev.jmlebench.viewer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jmlebench.common.UserError;
import dev.jmlebench.robustness.CardJson;
import dev.jmlebench.robustness.CardRuns;
import dev.jmlebench.robustness.Cards;
import dev.jmlebench.results.ResultFiles;
import dev.jmlebench.results.RunVariant;
import dev.jmlebench.stats.Bootstrap;
import dev.jmlebench.viewer.ViewerData.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The robustness cards of one exam's runs (docs/ROBUSTNESS.md), for the model pages: which runs are on a card
 * (a model's default run and the runs that differ from it in one identity field, chosen as {@code robustness}
 * chooses them), and each card's document, {@code robustness/ID} with ID the default run's id — built when first
 * asked, as its bootstrap takes a moment. Runs in another choice order or language have no page of their own
 * (the viewer skips them: never ranked), but they are on their default run's card. A model whose default run
 * cannot be chosen has no card here; the command says why and takes {@code --default}.
 */
final class ViewerCards {
  static final String KEY = "robustness";

  private final ViewerData data;
  private final Map<String, CardRuns.Selection> byKey = new LinkedHashMap<>();
  private final Map<String, String> keyOfRun = new HashMap<>();
  private final Map<String, String> idOfFile = new HashMap<>();

  ViewerCards(ViewerData data) {
    this.data = data;
    Map<String, List<CardRuns.Candidate>> byModel = new LinkedHashMap<>();
    for (Run run : data.runs()) {
      String file = run.file().toString();
      idOfFile.put(file, run.id());
      byModel.computeIfAbsent(run.result().metadata().model(), m -> new ArrayList<>())
          .add(new CardRuns.Candidate(file, run.result()));
    }
    // Runs in another choice order or language are kept off the viewer's pages (never ranked beside the
    // published protocol), but they are what a card is made of: read them here.
    // Only the variant runs the folder's reading kept: the other skipped files (links, faulty files) are never opened.
    for (ViewerData.Skipped skipped : data.skipped()) {
      java.util.Optional.ofNullable(skipped.variantRun())
          .filter(r -> !RunVariant.of(r.metadata()).isRanked())
          .filter(r -> data.dataset().exam().equals(ResultFiles.examOf(r)))
          .ifPresent(r -> byModel.computeIfAbsent(r.metadata().model(), m -> new ArrayList<>())
              .add(new CardRuns.Candidate(skipped.file().toString(), r)));
    }
    for (Map.Entry<String, List<CardRuns.Candidate>> e : byModel.entrySet()) {
      if (e.getValue().size() < 2) {
        continue;
      }
      CardRuns.Selection s;
      try {
        s = CardRuns.select(e.getValue(), e.getKey(), null, null, "the folder");
      } catch (UserError noDefault) {
        continue;
      }
      if (s.variants().isEmpty()) {
        continue;
      }
      if (!idOfFile.containsKey(s.defaultRun().file())) {
        continue; // a default run the viewer does not show has no page to show its card on
      }
      String key = KEY + "/" + idOfFile.get(s.defaultRun().file());
      byKey.put(key, s);
      keyOfRun.put(idOfFile.get(s.defaultRun().file()), key);
      s.variants().stream().map(v -> idOfFile.get(v.candidate().file())).filter(id -> id != null)
          .forEach(id -> keyOfRun.put(id, key));
    }
  }

  /** The key of the card a run is on. */
  Optional<String> keyOf(String runId) {
    return Optional.ofNullable(keyOfRun.get(runId));
  }

  Set<String> keys() {
    return byKey.keySet();
  }

  /** A card's document: {@code robustness --json}'s, each run named by its id and its file by its name. */
  Optional<JsonNode> json(String key) {
    CardRuns.Selection s = byKey.get(key);
    if (s == null) {
      return Optional.empty();
    }
    ObjectNode card = CardJson.of(Cards.of(s, exam -> data.key(), exam -> data.dataset(), Bootstrap.DEFAULT));
    named((ObjectNode) card.get("default"));
    card.get("variants").forEach(v -> named((ObjectNode) v));
    card.get("not_on_card").forEach(v -> named((ObjectNode) v));
    return Optional.of(card);
  }

  /** The pages link a run by its id and show a file by its name: the folder's path is not theirs to show. */
  private void named(ObjectNode o) {
    String file = o.get("file").textValue();
    String id = idOfFile.get(file);
    if (id != null) {
      o.put("run", id);
    }
    o.put("file", Path.of(file).getFileName().toString());
  }
}
