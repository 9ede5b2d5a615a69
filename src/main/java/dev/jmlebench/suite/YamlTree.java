package dev.jmlebench.suite;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.jmlebench.common.UserError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree whose every node and mapping key knows its line, so that an error in a suite
 * file can name the line it is on. Jackson's YAML parser reads the file; the tree is built here only
 * because Jackson's own tree forgets where each node came from.
 *
 * @param value the node with everything under it, as JSON
 * @param fields for a mapping, its keys in file order (else empty)
 * @param items for a sequence, its items (else empty)
 */
record YamlTree(JsonNode value, int line, Map<String, Key> fields, List<YamlTree> items) {
  private static final YAMLFactory YAML = YAMLFactory.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A mapping key, on its own line, and its value. */
  record Key(String name, int line, YamlTree value) {}

  static YamlTree parse(String text, Path file) {
    try (JsonParser p = YAML.createParser(text)) {
      if (p.nextToken() == null) {
        throw new UserError(file + ": empty; a suite holds at least 'runs:'");
      }
      YamlTree root = read(p, file);
      if (p.nextToken() != null) {
        throw new UserError(file + ":" + line(p) + ": a second YAML document; a suite file holds one");
      }
      return root;
    } catch (JsonProcessingException e) {
      int line = e.getLocation() != null ? e.getLocation().getLineNr() : 0;
      String why = e.getOriginalMessage().lines().findFirst().orElse("").strip();
      throw new UserError(file + (line > 0 ? ":" + line : "") + ": not valid YAML: " + why);
    } catch (IOException e) {
      throw new UserError(file + ": cannot read: " + e.getMessage());
    }
  }

  private static YamlTree read(JsonParser p, Path file) throws IOException {
    int line = line(p);
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        ObjectNode node = NODES.objectNode();
        Map<String, Key> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          int keyLine = line(p);
          if (fields.containsKey(name)) {
            throw new UserError(file + ":" + keyLine + ": field '" + name + "' given twice (first at line "
                + fields.get(name).line() + ")");
          }
          p.nextToken();
          YamlTree value = read(p, file);
          fields.put(name, new Key(name, keyLine, value));
          node.set(name, value.value());
        }
        return new YamlTree(node, line, Collections.unmodifiableMap(fields), List.of());
      }
      case START_ARRAY -> {
        ArrayNode node = NODES.arrayNode();
        List<YamlTree> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          YamlTree item = read(p, file);
          items.add(item);
          node.add(item.value());
        }
        return new YamlTree(node, line, Map.of(), List.copyOf(items));
      }
      case VALUE_STRING -> {
        return leaf(NODES.textNode(p.getText()), line);
      }
      case VALUE_NUMBER_INT -> {
        // As Jackson's JSON reader types them, so that values read back compare equal to a result file's.
        return leaf(switch (p.getNumberType()) {
          case INT -> NODES.numberNode(p.getIntValue());
          case LONG -> NODES.numberNode(p.getLongValue());
          default -> NODES.numberNode(p.getBigIntegerValue());
        }, line);
      }
      case VALUE_NUMBER_FLOAT -> {
        return leaf(NODES.numberNode(p.getDoubleValue()), line);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return leaf(NODES.booleanNode(t == JsonToken.VALUE_TRUE), line);
      }
      case VALUE_NULL -> {
        return leaf(NODES.nullNode(), line);
      }
      default -> throw new UserError(file + ":" + line + ": unexpected " + t);
    }
  }

  private static YamlTree leaf(JsonNode value, int line) {
    return new YamlTree(value, line, Map.of(), List.of());
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }
}
