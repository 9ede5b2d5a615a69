package dev.jmlebench.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmlebench.client.Usage;
import dev.jmlebench.common.UserError;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostTest {
  @TempDir Path dir;

  @Test
  void tokensArePricedPerMillionAsWorkedOutByHand() {
    // 1,234 prompt tokens at $0.50/M = $0.000617; 5,678 completion tokens at $2.00/M = $0.011356.
    Cost c = Cost.of(new Usage(1234, 5678, 4000), Prices.of(0.5, 2.0)).orElseThrow();
    assertThat(c.usd()).isEqualByComparingTo("0.011973");
    assertThat(c.source()).isEqualTo(Cost.Source.PRICES);
  }

  @Test
  void theProvidersOwnCostWinsOverThePrices() {
    Cost c = Cost.of(new Usage(1234, 5678, null, 0.0042), Prices.of(0.5, 2.0)).orElseThrow();
    assertThat(c.usd()).isEqualByComparingTo("0.0042");
    assertThat(c.source()).isEqualTo(Cost.Source.PROVIDER);
  }

  @Test
  void withoutPricesOrTokensTheCostIsUnknownNotZero() {
    assertThat(Cost.of(new Usage(1234, 5678, null), null)).isEmpty();
    assertThat(Cost.of(new Usage(null, 5678, null), Prices.of(1, 1))).isEmpty();
    assertThat(Cost.of(Usage.NONE, Prices.of(1, 1))).isEmpty();
  }

  @Test
  void aPricesFileGivesTheModelsPricesAndNamesWhatIsWrong() throws Exception {
    Path file = dir.resolve("prices.json");
    Files.writeString(file, "{\"openai/gpt-5.2\": {\"input\": 1.75, \"output\": 14}, \"bad\": {\"input\": -1}}");
    Prices p = PriceList.forModel(file, "openai/gpt-5.2");
    assertThat(p.input()).isEqualByComparingTo(new BigDecimal("1.75"));
    assertThat(p.costOf(1_000_000, 1_000_000)).isEqualByComparingTo("15.75");
    assertThatThrownBy(() -> PriceList.forModel(file, "other")).isInstanceOf(UserError.class)
        .hasMessage(file + ": no prices for model 'other'");
    assertThatThrownBy(() -> PriceList.forModel(file, "bad")).isInstanceOf(UserError.class)
        .hasMessageContaining("bad.input should be a number");
  }
}
