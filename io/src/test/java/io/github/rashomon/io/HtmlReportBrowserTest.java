package io.github.rashomon.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the Janaozen report in headless Chromium (Debian's {@code chromium}, which {@code
 * .ci/run} installs): the page must load without a single console message (the page has no
 * scripts, so any message is a refused resource, a policy violation or an error), and the
 * charts, trust bars and evidence graph must be in the rendered document. A screenshot is kept
 * in {@code io/target/report-janaozen.png}; run with {@code -Drashomon.updateScreenshot=true} to
 * copy it to {@code docs/img/report-janaozen.png}.
 */
class HtmlReportBrowserTest {
  private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

  @TempDir Path dir;

  @BeforeEach
  void needsChromium() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM),
        "Chromium is not installed at " + CHROMIUM + " (.ci/run installs it): skipping");
  }

  /** What Chromium printed. */
  private static final class Run {
    final String stdout;
    final String stderr;

    Run(String stdout, String stderr) {
      this.stdout = stdout;
      this.stderr = stderr;
    }

    /** The console messages Chromium logged: every line it tags CONSOLE. */
    List<String> console() {
      return stderr.lines().filter(l -> l.matches(".*\\bCONSOLE[:(].*"))
          .collect(Collectors.toList());
    }
  }

  private Run chromium(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + Files.createTempDirectory(dir, "profile"),
        "--enable-logging=stderr", "--v=0"));
    command.addAll(Arrays.asList(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("Chromium did not finish in 120 s: " + command);
    }
    Run run = new Run(Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    assertEquals(0, p.exitValue(), "Chromium failed: " + run.stderr);
    return run;
  }

  @Test
  void theReportLoadsWithoutConsoleErrorsAndShowsItsCharts() throws Exception {
    Path page = dir.resolve("report-janaozen.html");
    Files.writeString(page, HtmlReportTest.janaozenReport(), StandardCharsets.UTF_8);
    Run run = chromium("--dump-dom", page.toUri().toString());
    assertEquals(List.of(), run.console(), "console messages while loading the report");
    String dom = run.stdout;
    assertTrue(dom.contains("<h1>Janaozen, 16 December 2011</h1>"), dom);
    assertEquals(13, HtmlReportTest.count(dom, "<svg class=\"chart\""));
    assertEquals(18, HtmlReportTest.count(dom, "<svg class=\"trust\""));
    assertTrue(dom.contains("<svg id=\"evidence-graph\""));
  }

  @Test
  void aScreenshotIsKept() throws Exception {
    Path page = dir.resolve("report-janaozen.html");
    Files.writeString(page, HtmlReportTest.janaozenReport(), StandardCharsets.UTF_8);
    Path png = dir.resolve("report-janaozen.png");
    Run run = chromium("--hide-scrollbars", "--window-size=1000,1500",
        "--screenshot=" + png, page.toUri().toString());
    assertEquals(List.of(), run.console());
    byte[] bytes = Files.readAllBytes(png);
    assertArrayEquals(
        new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(bytes, 4), "a PNG image");
    assertTrue(bytes.length > 20_000, "a page, not a blank: " + bytes.length + " bytes");
    Path root = Janaozen.repositoryRoot();
    Files.copy(png, root.resolve("io/target/report-janaozen.png"),
        StandardCopyOption.REPLACE_EXISTING);
    if (Boolean.getBoolean("rashomon.updateScreenshot")) {
      Files.createDirectories(root.resolve("docs/img"));
      Files.copy(png, root.resolve("docs/img/report-janaozen.png"),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void theConsoleCheckCatchesARefusedResourceAndAScriptError() throws Exception {
    // The negative control: the check above would see these.
    Path page = dir.resolve("bad.html");
    Files.writeString(page, "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\""
        + " content=\"img-src data:\"/></head><body><img src=\"https://example.org/x.png\"/>"
        + "<script>undefinedFunction();</script></body></html>", StandardCharsets.UTF_8);
    List<String> console = chromium("--dump-dom", page.toUri().toString()).console();
    assertEquals(2, console.size(), console.toString());
    assertTrue(console.get(0).contains("violates the following Content Security Policy"));
    assertTrue(console.get(1).contains("Uncaught ReferenceError"));
  }
}
