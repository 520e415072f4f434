/**
 * Rashomon core: the domain model of conflicting testimony, credibility, and the reconciliation
 * engine.
 *
 * <p>Only the API packages are exported; {@code io.github.rashomon.internal} holds
 * implementation details that may change without notice.
 */
module io.github.rashomon.core {
  requires transitive com.google.common;
  requires static transitive org.immutables.value;

  exports io.github.rashomon.model;
  exports io.github.rashomon.credibility;
  exports io.github.rashomon.engine;
}
