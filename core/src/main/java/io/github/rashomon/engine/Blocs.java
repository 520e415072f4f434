package io.github.rashomon.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Groups sources into clusters that share at least one affiliation (transitively), and counts
 * the independent lines of evidence they amount to.
 */
final class Blocs {
  private Blocs() {}

  /**
   * Clusters the given sources: two sources fall in one cluster when they share a bloc, directly
   * or through others in the list. Returns, per input position, the cluster number; clusters are
   * numbered in order of first appearance.
   */
  static int[] cluster(List<Set<String>> affiliations) {
    int n = affiliations.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (!java.util.Collections.disjoint(affiliations.get(i), affiliations.get(j))) {
          int a = find(parent, i);
          int b = find(parent, j);
          if (a != b) {
            parent[Math.max(a, b)] = Math.min(a, b);
          }
        }
      }
    }
    int[] cluster = new int[n];
    List<Integer> roots = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int r = find(parent, i);
      int k = roots.indexOf(r);
      if (k < 0) {
        k = roots.size();
        roots.add(r);
      }
      cluster[i] = k;
    }
    return cluster;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Kish's design effect: {@code n} observations with correlation {@code rho} count this much. */
  static double effective(int n, double rho) {
    return n == 0 ? 0 : n / (1 + (n - 1) * rho);
  }

  /** The independent lines of evidence among sources with the given affiliations. */
  static double lines(List<Set<String>> affiliations, double rho) {
    int[] cluster = cluster(affiliations);
    int clusters = 0;
    for (int c : cluster) {
      clusters = Math.max(clusters, c + 1);
    }
    int[] size = new int[clusters];
    for (int c : cluster) {
      size[c]++;
    }
    double total = 0;
    for (int s : size) {
      total += effective(s, rho);
    }
    return total;
  }
}
