package dev.jmlebench.exam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jmlebench.common.UserError;
import java.util.ArrayList;
import java.util.List;

/** Typed access to the fields of an exam or edition file; every fault names the file and the field. */
final class ExamJson {
  private final JsonNode node;
  private final String file;
  private final String place;

  ExamJson(JsonNode node, String file, String place) {
    this.node = node;
    this.file = file;
    this.place = place;
    if (node == null || !node.isObject()) {
      throw fault("expected an object");
    }
  }

  UserError fault(String what) {
    return new UserError(file + ": " + place + ": " + what);
  }

  private JsonNode required(String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new UserError(file + ": " + where(name) + ": missing");
    }
    return v;
  }

  String where(String name) {
    return place.isEmpty() ? name : place + "." + name;
  }

  String text(String name) {
    JsonNode v = required(name);
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new UserError(file + ": " + where(name) + ": expected a non-empty string");
    }
    return v.asText();
  }

  int integer(String name) {
    JsonNode v = required(name);
    if (!v.isInt() || v.intValue() < 0) {
      throw new UserError(file + ": " + where(name) + ": expected a whole number ≥ 0");
    }
    return v.intValue();
  }

  double ratio(String name) {
    JsonNode v = required(name);
    if (!v.isNumber() || v.doubleValue() <= 0 || v.doubleValue() > 1) {
      throw new UserError(file + ": " + where(name) + ": expected a number in (0, 1]");
    }
    return v.doubleValue();
  }

  boolean bool(String name) {
    JsonNode v = required(name);
    if (!v.isBoolean()) {
      throw new UserError(file + ": " + where(name) + ": expected true or false");
    }
    return v.booleanValue();
  }

  ExamJson object(String name) {
    return new ExamJson(required(name), file, where(name));
  }

  /** The elements of an array field as objects. */
  List<ExamJson> objects(String name) {
    List<ExamJson> out = new ArrayList<>();
    JsonNode v = array(name);
    for (int i = 0; i < v.size(); i++) {
      out.add(new ExamJson(v.get(i), file, where(name) + "[" + i + "]"));
    }
    return out;
  }

  /** An array of strings; {@code what} names them in a fault. */
  List<String> texts(String name) {
    return texts(array(name), where(name));
  }

  List<String> texts(JsonNode v, String at) {
    if (!v.isArray()) {
      throw new UserError(file + ": " + at + ": expected an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.isTextual() || e.asText().isEmpty()) {
        throw new UserError(file + ": " + at + ": expected an array of non-empty strings");
      }
      out.add(e.asText());
    }
    return out;
  }

  private JsonNode array(String name) {
    JsonNode v = required(name);
    if (!v.isArray()) {
      throw new UserError(file + ": " + where(name) + ": expected an array");
    }
    return v;
  }

  JsonNode node() {
    return node;
  }

  String file() {
    return file;
  }
}
