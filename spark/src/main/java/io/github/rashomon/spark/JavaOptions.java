package io.github.rashomon.spark;

import java.util.List;

/**
 * The JVM flags Spark needs on Java 17, for launchers that start Spark: free of Spark classes, so
 * that a launcher can read them where Spark is not on the class path.
 *
 * @since 0.1
 */
public final class JavaOptions {
  /** The flags Spark's own launcher gives the JVM on Java 17 (its {@code JavaModuleOptions}). */
  public static final List<String> FLAGS =
      List.of(
          "-XX:+IgnoreUnrecognizedVMOptions",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
          "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
          "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
          "-Djdk.reflect.useDirectMethodHandle=false",
          "-Dio.netty.tryReflectionSetAccessible=true");

  private JavaOptions() {}

  /**
   * Whether this JVM opens {@code java.base} to the class path as Spark needs.
   *
   * @return true if the flags are in effect
   */
  public static boolean opened() {
    Module unnamed = JavaOptions.class.getModule();
    return Object.class.getModule().isOpen("sun.nio.ch", unnamed)
        && Object.class.getModule().isOpen("java.lang.invoke", unnamed);
  }

  /**
   * Whether Spark's classes can be loaded.
   *
   * @return true if Spark SQL is on the class path
   */
  public static boolean sparkPresent() {
    try {
      Class.forName("org.apache.spark.sql.SparkSession", false, JavaOptions.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
