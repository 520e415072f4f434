package io.github.rashomon.cli;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Defaults of the commands that publish (report, export): weighted vote when no algorithm is
 * named, as the flagship example uses. (reconcile and evaluate still require --algorithm.)
 */
final class PublishDefaults implements IDefaultValueProvider {
  static final String ALGORITHM = "weighted-vote";

  @Override
  public String defaultValue(ArgSpec arg) {
    if (arg.isOption() && ((OptionSpec) arg).longestName().equals("--algorithm")) {
      return ALGORITHM;
    }
    return null;
  }
}
