package dev.jmlebench.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PythonFloat} against CPython's own {@code float()}: every expected value below is what
 * {@code repr(float(text))} printed on CPython 3 (null where it raised ValueError), recorded once so that the
 * test needs no Python.
 */
class PythonFloatTest {
  static Object[][] cpython() {
    return new Object[][] {
        {"0.4", "0.4"},
        {"0.40", "0.4"},
        {"  0.4  ", "0.4"},
        {"\u00090.4\n", "0.4"},
        {"0.4\u3000", "0.4"},
        {"\u00a00.4\u2003", "0.4"},
        {"\uff11", "1.0"},
        {"\uff10.\uff14", "0.4"},
        {"\uff10\uff0e\uff14", null},
        {"0_0.4", "0.4"},
        {"1_000", "1000.0"},
        {"1__000", null},
        {"_1", null},
        {"1_", null},
        {"1_.5", null},
        {"1._5", null},
        {"1e1_0", "10000000000.0"},
        {"1e_10", null},
        {"nan", "nan"},
        {"NaN", "nan"},
        {"-nan", "nan"},
        {"+NAN", "nan"},
        {"inf", "inf"},
        {"-inf", "-inf"},
        {"+Infinity", "inf"},
        {"INFINITY", "inf"},
        {"infinit", null},
        {"infinityy", null},
        {"nan(1)", null},
        {"0x10", null},
        {"0x1p3", null},
        {"1e400", "inf"},
        {"-1e400", "-inf"},
        {"1e-400", "0.0"},
        {".5", "0.5"},
        {"5.", "5.0"},
        {".", null},
        {" ", null},
        {"", null},
        {"e5", null},
        {"1e", null},
        {"1e+", null},
        {"1E+05", "100000.0"},
        {"+.5e-1", "0.05"},
        {"--1", null},
        {"+-1", null},
        {"1 000", null},
        {"1,000", null},
        {"0.4%", null},
        {"\uff10.\uff140", "0.4"},
        {"\u0661\u0662", "12.0"},
        {"\ud835\udfd8", "0.0"},
        {"\u00b2", null},
        {"\u2153", null},
        {"1\u0332", null},
        {"1\u001c", null},
        {"\u001c1", null},
        {"1\u0085", "1.0"},
        {"4d", null},
        {"4f", null},
        {"0.4d", null},
        {"true", null},
        {"315.0", "315.0"},
        {"3.15e2", "315.0"},
        {"28", "28.0"},
        {"028", "28.0"},
        {"28.", "28.0"},
        {"\u0662\u0668", "28.0"},
        {"1\u0000", null},
        {"1\u200b", null},
        {"\u2008315", "315.0"},
    };
  }

  @ParameterizedTest(name = "float({0}) is {1}")
  @MethodSource("cpython")
  void readsTextAsCPythonsFloatDoes(String text, String repr) {
    OptionalDouble got = PythonFloat.parse(text);
    if (repr == null) {
      assertThat(got).as("CPython raises ValueError").isEmpty();
    } else {
      assertThat(got).isPresent();
      double expected = fromRepr(repr);
      if (Double.isNaN(expected)) {
        assertThat(got.getAsDouble()).isNaN();
      } else {
        assertThat(got.getAsDouble()).isEqualTo(expected);
      }
    }
  }

  private static double fromRepr(String repr) {
    return switch (repr) {
      case "nan" -> Double.NaN;
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(repr);
    };
  }
}
