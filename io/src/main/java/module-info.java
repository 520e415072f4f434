/**
 * Rashomon I/O: reading claims and known truths from files straight into the engine's claim
 * index, and writing reconciliation results.
 */
module io.github.rashomon.io {
  requires transitive io.github.rashomon.core;
  requires com.fasterxml.jackson.core;

  exports io.github.rashomon.io;
}
