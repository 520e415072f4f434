package io.github.rashomon.spark;

import io.github.rashomon.engine.DawidSkene;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * Dawid–Skene over sparse confusion matrices, for label sets too large for dense ones (web truth
 * discovery, where every distinct value is a label): the core's sparse representation,
 * distributed. A confusion cell exists for each (source, true label, answered label) that some
 * claim can use, a source's answer against each candidate of the question it answers; no other
 * cell is stored, on the driver or anywhere else.
 *
 * <p>The cells live with their sources: each claim is sent once to its source's partition (the
 * source's rank modulo the partitions), where the cells its partition's claims use are numbered.
 * An iteration is then two shuffles, each one batch per pair of partitions. For the M-step each
 * question sends its posterior to the partitions of its claims' sources, where each cell's count
 * is summed in claim order and the counts become the logarithms of the confusion probabilities,
 * row by row as the core computes them. For the E-step each claim brings back the logarithms of
 * the cells it uses, one per candidate of its question, which the question adds to its label
 * priors in the core's order. The driver holds the label prior (a number per label) and the trust
 * (a number per source).
 */
final class SparseDawidSkeneJob {
  private static final double FLOOR = 1e-10;

  /** Keys of the summary's entries besides the labels: the largest change, the questions. */
  private static final int CHANGE = -1;

  private static final int QUESTIONS = -2;

  private SparseDawidSkeneJob() {}

  /** A claim sent to its source's partition once, with the labels of the cells it uses. */
  static final class Claim implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The partition of its question, the question's position there, the claim's in it. */
    final int part;
    final int pos;
    final int claim;
    final int source;
    /** The answered label, then the label of each candidate of the question. */
    final int[] labels;

    Claim(int part, int pos, int claim, int source, int[] labels) {
      this.part = part;
      this.pos = pos;
      this.claim = claim;
      this.source = source;
      this.labels = labels;
    }
  }

  /**
   * Numbers sent from one partition to another: entry e is about question {@code pos[e]} (and
   * claim {@code claim[e]}, for cells sent to a question) of a question partition, its values
   * the next {@code k} of {@code values}, k the question's candidates.
   */
  static final class Batch implements Serializable {
    private static final long serialVersionUID = 1L;
    final int from;
    final int[] pos;
    final int[] claim;
    final double[] values;

    Batch(int from, int[] pos, int[] claim, double[] values) {
      this.from = from;
      this.pos = pos;
      this.claim = claim;
      this.values = values;
    }
  }

  /** Appends entries to the batches for each target partition. */
  private static final class Batches {
    final int from;
    final int[][] pos;
    final int[][] claim;
    final double[][] values;
    final int[] entries;
    final int[] filled;

    Batches(int from, int targets) {
      this.from = from;
      pos = new int[targets][8];
      claim = new int[targets][8];
      values = new double[targets][16];
      entries = new int[targets];
      filled = new int[targets];
    }

    void add(int target, int p, int c, double[] v, int vFrom, int k) {
      int e = entries[target]++;
      if (e == pos[target].length) {
        pos[target] = Arrays.copyOf(pos[target], 2 * e);
        claim[target] = Arrays.copyOf(claim[target], 2 * e);
      }
      pos[target][e] = p;
      claim[target][e] = c;
      int f = filled[target];
      if (f + k > values[target].length) {
        values[target] = Arrays.copyOf(values[target], Math.max(2 * values[target].length, f + k));
      }
      System.arraycopy(v, vFrom, values[target], f, k);
      filled[target] = f + k;
    }

    Iterator<Tuple2<Integer, Batch>> iterator() {
      List<Tuple2<Integer, Batch>> out = new ArrayList<>();
      for (int t = 0; t < entries.length; t++) {
        if (entries[t] > 0) {
          out.add(new Tuple2<>(t, new Batch(from, Arrays.copyOf(pos[t], entries[t]),
              Arrays.copyOf(claim[t], entries[t]), Arrays.copyOf(values[t], filled[t]))));
        }
      }
      return out.iterator();
    }
  }

  /**
   * The cells of one partition's sources and these sources' claims, in the order (question
   * partition, position, claim): claim r uses cells {@code pairCell[pairStart[r] .. pairStart[r +
   * 1])}, one per candidate of its question, in candidate order. The cells are sorted by key
   * ({@code (source L + true label) L + answered label} for L labels, the core's key), so the
   * cells of a row (source, true label) are contiguous.
   */
  static final class Cells implements Serializable {
    private static final long serialVersionUID = 1L;
    final int[] part;
    final int[] pos;
    final int[] claim;
    /** The partition's sources, ascending, and each one's number of claims. */
    final int[] sources;
    final int[] claimsOf;
    final int[] pairStart;
    final int[] pairCell;
    final long[] cellKey;
    final int[] rowStart;
    /** Per cell its count (floored and smoothed) and log probability; per row its total. */
    final double[] count;
    final double[] logPi;
    final double[] rowTotal;

    private Cells(Cells layout, double[] count, double[] logPi, double[] rowTotal) {
      this.part = layout.part;
      this.pos = layout.pos;
      this.claim = layout.claim;
      this.sources = layout.sources;
      this.claimsOf = layout.claimsOf;
      this.pairStart = layout.pairStart;
      this.pairCell = layout.pairCell;
      this.cellKey = layout.cellKey;
      this.rowStart = layout.rowStart;
      this.count = count;
      this.logPi = logPi;
      this.rowTotal = rowTotal;
    }

    /** Numbers the cells a partition's claims use (the core's {@code pairCell} and keys). */
    Cells(List<Claim> in, long nl) {
      Claim[] claims = in.toArray(new Claim[0]);
      Arrays.sort(claims, Comparator.<Claim>comparingInt(c -> c.part)
          .thenComparingInt(c -> c.pos).thenComparingInt(c -> c.claim));
      int n = claims.length;
      part = new int[n];
      pos = new int[n];
      claim = new int[n];
      pairStart = new int[n + 1];
      for (int r = 0; r < n; r++) {
        part[r] = claims[r].part;
        pos[r] = claims[r].pos;
        claim[r] = claims[r].claim;
        pairStart[r + 1] = Math.addExact(pairStart[r], claims[r].labels.length - 1);
      }
      long[] pairKey = new long[pairStart[n]];
      for (int r = 0; r < n; r++) {
        Claim c = claims[r];
        for (int j = 1; j < c.labels.length; j++) {
          pairKey[pairStart[r] + j - 1] = key(c.source, c.labels[j], c.labels[0], nl);
        }
      }
      long[] sorted = pairKey.clone();
      Arrays.sort(sorted);
      int cells = 0;
      for (int p = 0; p < sorted.length; p++) {
        if (p == 0 || sorted[p] != sorted[p - 1]) {
          sorted[cells++] = sorted[p];
        }
      }
      cellKey = Arrays.copyOf(sorted, cells);
      pairCell = new int[pairKey.length];
      for (int p = 0; p < pairKey.length; p++) {
        pairCell[p] = Arrays.binarySearch(cellKey, pairKey[p]);
      }
      int rows = 0;
      int[] first = new int[cells + 1];
      for (int c = 0; c < cells; c++) {
        if (c == 0 || cellKey[c] / nl != cellKey[c - 1] / nl) {
          first[rows++] = c;
        }
      }
      first[rows] = cells;
      rowStart = Arrays.copyOf(first, rows + 1);
      int[] bySource = new int[n];
      for (int r = 0; r < n; r++) {
        bySource[r] = claims[r].source;
      }
      Arrays.sort(bySource);
      int[] ids = new int[n];
      int[] counts = new int[n];
      int distinct = 0;
      for (int r = 0; r < n; r++) {
        if (r == 0 || bySource[r] != bySource[r - 1]) {
          ids[distinct++] = bySource[r];
        }
        counts[distinct - 1]++;
      }
      sources = Arrays.copyOf(ids, distinct);
      claimsOf = Arrays.copyOf(counts, distinct);
      count = null;
      logPi = null;
      rowTotal = null;
    }

    /**
     * The M-step (core {@code SparseRun.mStep}) from the posteriors the question partitions
     * sent: each cell's count summed over the claims in their order, then each row normalised.
     */
    Cells mStep(List<Batch> in, int partitions, double smoothing, long nl) {
      Batch[] from = new Batch[partitions];
      for (Batch b : in) {
        from[b.from] = b;
      }
      // Per question partition: its batch's current entry, where its values start, and their
      // number. Each entry is a question some claim here answers, in the claims' order.
      int[] entry = new int[partitions];
      int[] offset = new int[partitions];
      int[] width = new int[partitions];
      Arrays.fill(entry, -1);
      double[] cnt = new double[cellKey.length];
      for (int r = 0; r < part.length; r++) {
        int q = part[r];
        Batch b = from[q];
        int k = pairStart[r + 1] - pairStart[r];
        if (entry[q] < 0 || b.pos[entry[q]] != pos[r]) {
          offset[q] += width[q];
          entry[q]++;
          width[q] = k;
          if (b.pos[entry[q]] != pos[r]) {
            throw new IllegalStateException("dawid-skene: no posterior for question " + pos[r]
                + " of partition " + q);
          }
        }
        int at = offset[q];
        for (int p = pairStart[r]; p < pairStart[r + 1]; p++) {
          cnt[pairCell[p]] += 1.0 * b.values[at + p - pairStart[r]];
        }
      }
      int rows = rowStart.length - 1;
      double[] total = new double[rows];
      double[] log = new double[cellKey.length];
      for (int r = 0; r < rows; r++) {
        double sum = 0;
        int n = rowStart[r + 1] - rowStart[r];
        for (int c = rowStart[r]; c < rowStart[r + 1]; c++) {
          // Every cell here is used by an affirmation: floored, as in Crowd-Kit.
          cnt[c] = Math.max(cnt[c], FLOOR) + smoothing;
          sum += cnt[c];
        }
        // Cells the source never used carry the pseudo-count alone.
        sum += smoothing * Math.max(0, nl - n);
        total[r] = sum;
        for (int c = rowStart[r]; c < rowStart[r + 1]; c++) {
          double pi = sum > 0 ? cnt[c] / sum : 1.0 / nl;
          log[c] = Math.log(pi);
        }
      }
      return new Cells(this, cnt, log, total);
    }

    /** For each question partition, its claims' log probabilities of their answers. */
    Iterator<Tuple2<Integer, Batch>> cellsForQuestions(int self, int partitions) {
      Batches out = new Batches(self, partitions);
      double[] v = new double[16];
      for (int r = 0; r < part.length; r++) {
        int k = pairStart[r + 1] - pairStart[r];
        if (v.length < k) {
          v = new double[k];
        }
        for (int p = pairStart[r]; p < pairStart[r + 1]; p++) {
          v[p - pairStart[r]] = logPi[pairCell[p]];
        }
        out.add(part[r], pos[r], claim[r], v, 0, k);
      }
      return out.iterator();
    }

    /**
     * Each source's trust (core {@code fillSources}): its accuracy {@code Σ_j prior[j] π[j][j]},
     * computed as {@code base} ({@code Σ_j prior[j] / L}, every row uniform) plus, over the rows
     * the source has evidence for, {@code prior[j] (π[j][j] - 1 / L)}.
     */
    Iterator<Tuple2<Integer, Double>> trust(double[] prior, double base, double smoothing,
        long nl) {
      List<Tuple2<Integer, Double>> out = new ArrayList<>(sources.length);
      int rows = rowStart.length - 1;
      int r = 0;
      for (int i = 0; i < sources.length; i++) {
        int s = sources[i];
        double accuracy = base;
        for (; r < rows && cellKey[rowStart[r]] / nl / nl == s; r++) {
          int j = (int) (cellKey[rowStart[r]] / nl % nl);
          int c = Arrays.binarySearch(cellKey, rowStart[r], rowStart[r + 1], key(s, j, j, nl));
          double pi = rowTotal[r] > 0 ? (c >= 0 ? count[c] : smoothing) / rowTotal[r] : 1.0 / nl;
          accuracy += prior[j] * (pi - 1.0 / nl);
        }
        double t = claimsOf[i] * accuracy;
        out.add(new Tuple2<>(s, Math.min(1, Math.max(0, t / claimsOf[i]))));
      }
      return out.iterator();
    }
  }

  static Outcome run(Run run, DawidSkene algorithm, String[] labels) {
    int nl = labels.length;
    long labelCount = nl;
    double smoothing = algorithm.smoothing();
    int partitions = run.blocks.getNumPartitions();
    HashPartitioner partitioner = new HashPartitioner(partitions);
    Broadcast<Map<String, Integer>> labelOf = run.jsc.broadcast(DawidSkeneJob.numbers(labels));
    double[] ones = new double[run.sources()];
    Arrays.fill(ones, 1.0);
    Broadcast<double[]> one = run.jsc.broadcast(ones);
    Run.Chain questionChain = run.chain();
    Run.Chain cellChain = run.chain();
    JavaRDD<QuestionState> states = questionChain.keep(run.blocks.map(b -> {
      int[] tag = new int[b.candidates()];
      for (int j = 0; j < tag.length; j++) {
        tag[j] = labelOf.value().get(b.cand[j]);
      }
      return new QuestionState(b, VoteJobs.shares(b, one.value()), null, tag);
    }), 0);
    double[] summary = summary(states, partitioner, nl);
    questionChain.advanced(null, states);
    one.unpersist(false);
    labelOf.unpersist(false);
    double questions = summary[nl + 1];
    double[] prior = prior(summary, nl, questions);
    // Each claim goes once to its source's partition, with the labels of the cells it uses.
    JavaRDD<Cells> layout = cellChain.keep(states.mapPartitionsWithIndex((part, it) -> {
      List<Tuple2<Integer, Claim>> out = new ArrayList<>();
      for (int pos = 0; it.hasNext(); pos++) {
        QuestionState st = it.next();
        QuestionBlock b = st.block;
        for (int i = 0; i < b.claims(); i++) {
          int[] l = new int[b.candidates() + 1];
          l[0] = st.tag[b.cnd[i]];
          System.arraycopy(st.tag, 0, l, 1, b.candidates());
          out.add(new Tuple2<>(b.src[i], new Claim(part, pos, i, b.src[i], l)));
        }
      }
      return out.iterator();
    }, true).mapToPair(t -> t).partitionBy(partitioner).mapPartitions(it -> {
      List<Claim> in = new ArrayList<>();
      it.forEachRemaining(t -> in.add(t._2()));
      return Partials.one(new Cells(in, labelCount));
    }, true), 0);
    JavaRDD<Cells> cells =
        mStep(cellChain, layout, states, partitioner, smoothing, labelCount, 0);
    JavaRDD<Cells> previousCells = layout;
    int it = 0;
    double change = Double.POSITIVE_INFINITY;
    while (it < algorithm.iterations()) {
      double[] logPrior = new double[nl];
      for (int l = 0; l < nl; l++) {
        logPrior[l] = Math.log(prior[l]);
      }
      Broadcast<double[]> lp = run.jsc.broadcast(logPrior);
      JavaRDD<Batch> back = cells.mapPartitionsWithIndex(
              (self, c) -> c.next().cellsForQuestions(self, partitions), true)
          .mapToPair(t -> t).partitionBy(partitioner).values();
      JavaRDD<QuestionState> next = questionChain.keep(
          states.zipPartitions(back, (st, in) -> eStep(st, in, lp.value())), it + 1);
      // One action an iteration: the M-step's cells, then the E-step's posteriors and sums.
      summary = summary(next, partitioner, nl);
      cellChain.advanced(previousCells, cells);
      questionChain.advanced(states, next);
      lp.unpersist(false);
      states = next;
      it++;
      change = summary[nl];
      prior = prior(summary, nl, questions);
      previousCells = cells;
      cells = mStep(cellChain, cells, states, partitioner, smoothing, labelCount, it);
      if (change < algorithm.tolerance()) {
        break;
      }
    }
    double base = 0;
    for (int l = 0; l < nl; l++) {
      base += prior[l] * (1.0 / nl);
    }
    double b = base;
    Broadcast<double[]> pb = run.jsc.broadcast(prior);
    double[] trust = new double[run.sources()];
    Arrays.fill(trust, 0.5);
    for (Tuple2<Integer, Double> t :
        cells.flatMap(c -> c.trust(pb.value(), b, smoothing, labelCount)).collect()) {
      trust[t._1()] = t._2();
    }
    pb.unpersist(false);
    cellChain.advanced(previousCells, cells);
    cellChain.advanced(cells, null);
    return new Outcome(states, trust, it, change < algorithm.tolerance(), change);
  }

  /** The cells' counts and log probabilities from the questions' posteriors (not yet run). */
  private static JavaRDD<Cells> mStep(Run.Chain chain, JavaRDD<Cells> cells,
      JavaRDD<QuestionState> states, HashPartitioner partitioner, double smoothing, long nl,
      int iteration) {
    int partitions = partitioner.numPartitions();
    JavaRDD<Batch> posteriors = states.mapPartitionsWithIndex((part, it) -> {
      Batches out = new Batches(part, partitions);
      boolean[] sent = new boolean[partitions];
      for (int pos = 0; it.hasNext(); pos++) {
        QuestionState st = it.next();
        QuestionBlock b = st.block;
        Arrays.fill(sent, false);
        // Once to each partition that has a source of the question.
        for (int i = 0; i < b.claims(); i++) {
          int target = partitioner.getPartition(b.src[i]);
          if (!sent[target]) {
            sent[target] = true;
            out.add(target, pos, -1, st.prob, 0, st.prob.length);
          }
        }
      }
      return out.iterator();
    }, true).mapToPair(t -> t).partitionBy(partitioner).values();
    return chain.keep(cells.zipPartitions(posteriors, (c, in) -> {
      List<Batch> l = new ArrayList<>();
      in.forEachRemaining(l::add);
      return Partials.one(c.next().mStep(l, partitions, smoothing, nl));
    }), iteration);
  }

  /**
   * A partition's posteriors from its questions' label priors and the cells their claims use,
   * added in claim order (core {@code SparseRun.eStep}).
   */
  private static Iterator<QuestionState> eStep(Iterator<QuestionState> states,
      Iterator<Batch> cells, double[] logPrior) {
    List<QuestionState> in = new ArrayList<>();
    states.forEachRemaining(in::add);
    int[] claimStart = new int[in.size() + 1];
    for (int q = 0; q < in.size(); q++) {
      claimStart[q + 1] = claimStart[q] + in.get(q).block.claims();
    }
    // Where each claim's values are: its batch and their offset there.
    List<Batch> batches = new ArrayList<>();
    cells.forEachRemaining(batches::add);
    int[] batchOf = new int[claimStart[in.size()]];
    int[] offsetOf = new int[batchOf.length];
    Arrays.fill(batchOf, -1);
    for (int bi = 0; bi < batches.size(); bi++) {
      Batch b = batches.get(bi);
      int offset = 0;
      for (int e = 0; e < b.pos.length; e++) {
        int slot = claimStart[b.pos[e]] + b.claim[e];
        batchOf[slot] = bi;
        offsetOf[slot] = offset;
        offset += in.get(b.pos[e]).block.candidates();
      }
    }
    List<QuestionState> out = new ArrayList<>(in.size());
    for (int q = 0; q < in.size(); q++) {
      QuestionState st = in.get(q);
      QuestionBlock b = st.block;
      int k = b.candidates();
      double[] lp = new double[k];
      for (int j = 0; j < k; j++) {
        lp[j] = logPrior[st.tag[j]];
      }
      for (int i = 0; i < b.claims(); i++) {
        int slot = claimStart[q] + i;
        if (batchOf[slot] < 0) {
          throw new IllegalStateException(
              "dawid-skene: no cells for claim " + i + " of question '" + b.question + "'");
        }
        double[] v = batches.get(batchOf[slot]).values;
        int at = offsetOf[slot];
        for (int j = 0; j < k; j++) {
          lp[j] += 1.0 * v[at + j];
        }
      }
      double[] next = new double[k];
      DawidSkeneJob.softmax(lp, k, next);
      out.add(new QuestionState(b, next, st.prob, st.tag));
    }
    return out.iterator();
  }

  /**
   * Per label the sum of its posteriors over the questions, then the largest change of a
   * posterior and the number of questions. The partitions' sums of a label are added in
   * partition order, so that the result is the same run to run.
   */
  private static double[] summary(JavaRDD<QuestionState> states, HashPartitioner partitioner,
      int nl) {
    List<Tuple2<Integer, Double>> sums = states.mapPartitionsWithIndex((part, it) -> {
      Map<Integer, Double> local = new HashMap<>();
      double change = 0;
      double questions = 0;
      while (it.hasNext()) {
        QuestionState st = it.next();
        questions++;
        for (int j = 0; j < st.prob.length; j++) {
          local.merge(st.tag[j], st.prob[j], Double::sum);
          if (st.aux != null) {
            change = Math.max(change, Math.abs(st.prob[j] - st.aux[j]));
          }
        }
      }
      local.put(CHANGE, change);
      local.put(QUESTIONS, questions);
      List<Tuple2<Integer, Tuple2<Integer, Double>>> out = new ArrayList<>(local.size());
      local.forEach((l, x) -> out.add(new Tuple2<>(l, new Tuple2<>(part, x))));
      return out.iterator();
    }, true).mapToPair(t -> t).groupByKey(partitioner).map(e -> {
      List<Tuple2<Integer, Double>> l = new ArrayList<>();
      e._2().forEach(l::add);
      l.sort(Comparator.comparingInt(Tuple2::_1));
      double sum = 0;
      for (Tuple2<Integer, Double> x : l) {
        sum = e._1() == CHANGE ? Math.max(sum, x._2()) : sum + x._2();
      }
      return new Tuple2<>(e._1(), sum);
    }).collect();
    double[] out = new double[nl + 2];
    for (Tuple2<Integer, Double> t : sums) {
      out[t._1() == CHANGE ? nl : t._1() == QUESTIONS ? nl + 1 : t._1()] = t._2();
    }
    return out;
  }

  /** The label prior: each label's mean posterior over the questions. */
  private static double[] prior(double[] summary, int nl, double questions) {
    double[] prior = new double[nl];
    for (int l = 0; l < nl; l++) {
      prior[l] = questions > 0 ? summary[l] / questions : 0;
    }
    return prior;
  }


  static long key(int source, long trueLabel, long answered, long nl) {
    try {
      return Math.addExact(Math.multiplyExact(Math.addExact(Math.multiplyExact(source, nl),
          trueLabel), nl), answered);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "dawid-skene: too many sources and labels (%d) to number confusion cells", nl), e);
    }
  }
}
