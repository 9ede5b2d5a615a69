package dev.jmlebench.variant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmlebench.dataset.Dataset;
import dev.jmlebench.testing.SharedData;
import org.junit.jupiter.api.Test;

class ChoiceListTest {
  private final Dataset d120 = SharedData.dataset();

  private String text(String id) {
    return d120.question(id).orElseThrow().text();
  }

  @Test
  void choiceLinesAreFoundIndentedOrNotOneOrTwoLineBreaksApartWithEitherSpace() {
    // 120A-1: "\n\na　…"; 120A-17: "\n\n　a　…"; 120A-33: "\n　a　…"; 120D-37: "\na　…"; 120C-1: "\n\na …".
    for (String id : new String[] {"120A-1", "120A-17", "120A-33", "120D-37", "120C-1"}) {
      ChoiceList c = ChoiceList.find(text(id)).orElseThrow();
      assertThat(c.layout()).as(id).isEqualTo(ChoiceList.Layout.LINES);
      assertThat(c.size()).as(id).isEqualTo(5);
    }
    assertThat(ChoiceList.find(text("120A-1")).orElseThrow().bodies())
        .containsExactly("緊急手術", "腹腔穿刺ドレナージ", "薬物による抗癌治療", "プロトンポンプ阻害薬投与",
            "上部消化管内視鏡によるクリッピング術");
    assertThat(ChoiceList.find(text("120A-18")).orElseThrow().bodies()).first().isEqualTo("絶\u3000食");
    assertThat(ChoiceList.find(text("120C-1")).orElseThrow().bodies()).last().isEqualTo("Kupffer細胞");
  }

  @Test
  void tableRowsAreChoicesWhenTheQuestionHasNoChoiceLines() {
    ChoiceList c71 = ChoiceList.find(text("120C-71")).orElseThrow();
    assertThat(c71.layout()).isEqualTo(ChoiceList.Layout.TABLE);
    assertThat(c71.bodies()).containsExactly(" 220 | 0 | 220 | 0 | 7,400 mL |", " 220 | 0 | 220 | 0 | 10,000 mL |",
        " 130 | 4 | 109 | 28 | 7,400 mL |", " 130 | 4 | 109 | 28 | 10,000 mL |", " 40 | 35 | 40 | 0 | 10,000 mL |");
    ChoiceList f14 = ChoiceList.find(text("120F-14")).orElseThrow();
    assertThat(f14.layout()).isEqualTo(ChoiceList.Layout.TABLE);
    assertThat(f14.bodies()).first().isEqualTo("80,000円|80%|100,000円|");
    // The header row and its separator stay where they are; only the rows' cells move, under their letters.
    assertThat(c71.reordered(new int[] {4, 0, 1, 2, 3})).endsWith("|--|--|--|--|--|--|\n"
        + "| a | 40 | 35 | 40 | 0 | 10,000 mL |\n| b | 220 | 0 | 220 | 0 | 7,400 mL |\n"
        + "| c | 220 | 0 | 220 | 0 | 10,000 mL |\n| d | 130 | 4 | 109 | 28 | 7,400 mL |\n"
        + "| e | 130 | 4 | 109 | 28 | 10,000 mL |");
  }

  @Test
  void reorderingMovesOnlyTheChoiceTextsAndTheIdentityIsTheTextItself() {
    String t = text("120A-17");
    ChoiceList c = ChoiceList.find(t).orElseThrow();
    assertThat(c.reordered(new int[] {0, 1, 2, 3, 4})).isEqualTo(t);
    String moved = c.reordered(new int[] {3, 4, 0, 1, 2});
    assertThat(moved).isEqualTo(t.substring(0, t.indexOf("\n\n\u3000a\u3000")) + "\n\n\u3000a\u3000腎血管性高血圧症"
        + "\n\n\u3000b\u3000原発性アルドステロン症\n\n\u3000c\u3000褐色細胞腫\n\n\u3000d\u3000Cushing 症候群"
        + "\n\n\u3000e\u3000甲状腺機能亢進症");
    assertThat(ChoiceList.find(moved).orElseThrow().stem()).isEqualTo(c.stem());
  }

  @Test
  void theLastRunOfLettersReachingTheEndIsTheChoicesNotALetteredLineOfTheStem() {
    String text = "1\u3000次の説明を読め。\n\na\u3000は前置きの行\n\n正しいのはどれか。\n\na\u3000甲\n\nb\u3000乙\n\nc\u3000丙";
    ChoiceList c = ChoiceList.find(text).orElseThrow();
    assertThat(c.bodies()).containsExactly("甲", "乙", "丙");
    assertThat(c.stem()).endsWith("正しいのはどれか。\n");
  }

  @Test
  void englishChoicesLetteredWithAFullStopAreFound() {
    ChoiceList c = ChoiceList.find("1. Which is right?\n\na. Gaucher disease.\n\nb. Hurler syndrome").orElseThrow();
    assertThat(c.bodies()).containsExactly("Gaucher disease.", "Hurler syndrome");
  }

  @Test
  void aTextWithoutTwoLetteredChoicesHasNone() {
    assertThat(ChoiceList.find(text("120A-74"))).isEmpty();
    assertThat(ChoiceList.find("1\u3000問い\n\na\u3000ひとつだけ")).isEmpty();
    assertThat(ChoiceList.find("1\u3000問い\n\na\u3000甲\n\nc\u3000丙")).isEmpty();
  }
}
