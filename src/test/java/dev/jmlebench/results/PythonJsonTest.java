package dev.jmlebench.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PythonJsonTest {
  @Test
  void floatsAreWrittenAsPythonReprWritesThem() {
    // Each expected string is repr(x) in CPython 3.
    assertThat(PythonJson.floatRepr(0.97)).isEqualTo("0.97");
    assertThat(PythonJson.floatRepr(1.0)).isEqualTo("1.0");
    assertThat(PythonJson.floatRepr(0.0001)).isEqualTo("0.0001");
    assertThat(PythonJson.floatRepr(0.00001)).isEqualTo("1e-05");
    assertThat(PythonJson.floatRepr(0.000015)).isEqualTo("1.5e-05");
    assertThat(PythonJson.floatRepr(1e16)).isEqualTo("1e+16");
    assertThat(PythonJson.floatRepr(1e15)).isEqualTo("1000000000000000.0");
    assertThat(PythonJson.floatRepr(123456.789)).isEqualTo("123456.789");
    assertThat(PythonJson.floatRepr(-2.5)).isEqualTo("-2.5");
    assertThat(PythonJson.floatRepr(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(PythonJson.floatRepr(2e-3)).isEqualTo("0.002");
  }

  @Test
  void objectsAndArraysAreIndentedByTwoWithEmptyContainersInline() throws Exception {
    var node = new ObjectMapper().readTree("{\"a\":[],\"b\":{},\"c\":[1,{\"d\":null}],\"e\":true}");
    assertThat(PythonJson.toString(node)).isEqualTo(
        "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    {\n      \"d\": null\n    }\n  ],\n  \"e\": true\n}");
  }

  @Test
  void onlyQuotesBackslashesAndControlCharactersAreEscapedAndNonAsciiStaysAsIs() throws Exception {
    var node = new ObjectMapper().readTree("\"a\\\"b\\\\c\\n\\t\\u001b\\u007f/【回答】😀\\u2028\"");
    assertThat(PythonJson.toString(node)).isEqualTo("\"a\\\"b\\\\c\\n\\t\\u001b\u007f/【回答】😀\u2028\"");
  }
}
