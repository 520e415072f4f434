package io.github.rashomon.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.rashomon.engine.SensitivityReport;
import java.util.Map;
import java.util.TreeMap;

/** Helpers the result writers share. */
final class Reports {
  private Reports() {}

  /** Sensitivity reports by question id; two for one question is a caller's mistake. */
  static Map<String, SensitivityReport> byQuestion(Iterable<SensitivityReport> reports) {
    checkNotNull(reports, "sensitivity");
    Map<String, SensitivityReport> m = new TreeMap<>();
    for (SensitivityReport s : reports) {
      checkNotNull(s, "sensitivity report");
      checkArgument(
          m.put(s.question(), s) == null,
          "two sensitivity reports for question '%s'",
          s.question());
    }
    return m;
  }
}
