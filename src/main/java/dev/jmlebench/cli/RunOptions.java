package dev.jmlebench.cli;

import dev.jmlebench.common.UserError;
import dev.jmlebench.runner.RunField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The options of a run on the command line, made from {@link RunField#ALL}: one picocli option per field,
 * listed under its group's heading ({@code run --help}), with the options of the command itself placed among
 * them. Reading them back gives each field's text by its flag, which {@code RunSpec.fromArguments} turns into
 * the run — so a new run field needs no edit here.
 */
final class RunOptions {
  /** An option of the command itself (not a run field), listed in {@code group} after the option {@code after}. */
  record Extra(RunField.Group group, String after, OptionSpec option) {}

  private RunOptions() {}

  /**
   * Adds the options of the fields {@code which} accepts, and {@code extras}, in groups under their headings.
   *
   * @param shared the options that other commands share (--exam, --key), by flag: a run's reads the same
   */
  static void addTo(CommandSpec spec, Predicate<RunField<?>> which, List<Extra> extras,
      Map<String, OptionSpec> shared) {
    int order = 1;
    for (RunField.Group g : RunField.Group.values()) {
      List<OptionSpec> options = new ArrayList<>();
      extras.stream().filter(e -> e.group() == g && e.after() == null).forEach(e -> options.add(e.option()));
      for (RunField<?> f : RunField.of(g)) {
        if (which.test(f)) {
          options.add(option(f, shared));
          // An old name still works, and is not listed: the help names each option once.
          f.aliases().forEach(alias -> spec.addOption(valueOption(OptionSpec.builder(alias), f).hidden(true).build()));
        }
        extras.stream().filter(e -> e.group() == g && f.flag().equals(e.after())).forEach(e -> options.add(e.option()));
      }
      if (options.isEmpty()) {
        continue;
      }
      ArgGroupSpec.Builder group = ArgGroupSpec.builder().heading("%n" + g.heading() + ":%n").exclusive(false)
          .multiplicity("0..1").order(order++);
      options.forEach(group::addArg);
      spec.addArgGroup(group.build());
    }
  }

  /**
   * The option of a field: its flag, its value's label, its help, and the values completion offers (its fixed
   * set, or those of the option other commands share).
   */
  private static OptionSpec option(RunField<?> f, Map<String, OptionSpec> shared) {
    OptionSpec.Builder o = valueOption(OptionSpec.builder(f.flag()), f);
    OptionSpec other = shared.get(f.flag());
    o.description(f.help() != null ? new String[] {f.help()} : other.description());
    if (!f.candidates().isEmpty()) {
      o.completionCandidates(f.candidates());
    } else if (other != null && other.completionCandidates() != null) {
      o.completionCandidates(other.completionCandidates());
    }
    return o.build();
  }

  private static OptionSpec.Builder valueOption(OptionSpec.Builder o, RunField<?> f) {
    if (f.isSwitch()) {
      return o.arity("0").type(boolean.class);
    }
    o.paramLabel(f.label()).type(String.class);
    return f.optionalValue() ? o.arity("0..1").fallbackValue("") : o.arity("1");
  }

  /** The text of every run field's option given, by its flag (as given: an alias stays an alias). */
  static Map<String, String> given(ParseResult parsed) {
    Map<String, String> out = new LinkedHashMap<>();
    for (OptionSpec o : parsed.matchedOptions()) {
      RunField<?> f = RunField.byFlag(o.longestName());
      if (f == null) {
        continue;
      }
      Object value = o.getValue();
      if (out.put(f.flag(), f.isSwitch() ? String.valueOf(value) : value == null ? "" : value.toString()) != null) {
        throw new UserError(f.flag() + " is given twice (as " + String.join(" and ", namesOf(f)) + ")");
      }
    }
    return out;
  }

  private static List<String> namesOf(RunField<?> f) {
    List<String> names = new ArrayList<>(List.of(f.flag()));
    names.addAll(f.aliases());
    return names;
  }

  /** A plain option of a command, for {@link Extra}. */
  static OptionSpec plain(String name, String label, Class<?> type, String description) {
    OptionSpec.Builder o = OptionSpec.builder(name).description(description).type(type);
    return label == null ? o.arity("0").build() : o.paramLabel(label).arity("1").build();
  }

  /** An option that may be given more than once, each value an element of a list. */
  static OptionSpec repeatable(String name, String label, Class<?> element, String description) {
    return OptionSpec.builder(name).description(description).paramLabel(label).type(List.class)
        .auxiliaryTypes(element).arity("1").build();
  }

  /** An option that another command's mixin declares, to be shown and completed the same way here. */
  static OptionSpec declaredBy(Object mixin, String flag) {
    return CommandSpec.forAnnotatedObject(mixin).findOption(flag);
  }
}
