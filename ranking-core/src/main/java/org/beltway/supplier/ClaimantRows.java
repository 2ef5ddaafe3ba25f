package org.beltway.supplier;

import java.util.Arrays;
import java.util.List;

/**
 * The refund claimants of a supplier table, row by row in compressed sparse rows: row {@code r}'s
 * claimants are {@code [start(r), start(r + 1))}, each a column entry of claims, malicious claims,
 * appeals won and credibility. Package-private, behind {@link SupplierTable}'s claimant methods;
 * {@link Appender} grows the columns while a builder adds rows.
 */
final class ClaimantRows {
  private final int[] start;
  private final int[] claims;
  private final int[] malicious;
  private final int[] appealsWon;
  private final double[] credibility;

  private ClaimantRows(Appender a, int rows) {
    start = Arrays.copyOf(a.start, rows + 1);
    int n = start[rows];
    claims = Arrays.copyOf(a.claims, n);
    malicious = Arrays.copyOf(a.malicious, n);
    appealsWon = Arrays.copyOf(a.appealsWon, n);
    credibility = Arrays.copyOf(a.credibility, n);
  }

  int start(int row) {
    return start[row];
  }

  int claims(int claimant) {
    return claims[claimant];
  }

  int malicious(int claimant) {
    return malicious[claimant];
  }

  int appealsWon(int claimant) {
    return appealsWon[claimant];
  }

  double credibility(int claimant) {
    return credibility[claimant];
  }

  /** The claims of a row's claimants together. */
  long claimsOf(int row) {
    long sum = 0;
    for (int k = start[row]; k < start[row + 1]; k++) {
      sum += claims[k];
    }
    return sum;
  }

  /** The heap of the claimant columns, in bytes. */
  long entryBytes() {
    return (long) claims.length * (4 + 4 + 4 + 8) + 4L * start.length;
  }

  /** The growing columns of a table builder, one row after the other. */
  static final class Appender {
    private int[] start;
    private int[] claims;
    private int[] malicious;
    private int[] appealsWon;
    private double[] credibility;

    Appender(int rows) {
      start = new int[rows + 1];
      claims = new int[rows];
      malicious = new int[rows];
      appealsWon = new int[rows];
      credibility = new double[rows];
    }

    /** Appends row {@code row}'s claimants; rows come in order. */
    void add(int row, List<Claimant> claimants) {
      if (row + 2 > start.length) {
        start = Arrays.copyOf(start, Math.max(row + 2, start.length + (start.length >> 1)));
      }
      int k = start[row];
      int n = claimants.size();
      if (k + n > claims.length) {
        int cap = Math.max(claims.length * 2, k + n);
        claims = Arrays.copyOf(claims, cap);
        malicious = Arrays.copyOf(malicious, cap);
        appealsWon = Arrays.copyOf(appealsWon, cap);
        credibility = Arrays.copyOf(credibility, cap);
      }
      for (Claimant claimant : claimants) {
        claims[k] = claimant.claims();
        malicious[k] = claimant.malicious();
        appealsWon[k] = claimant.appealsWon();
        credibility[k] = claimant.credibility();
        k++;
      }
      start[row + 1] = k;
    }

    /** The first {@code rows} rows' claimants (copied). */
    ClaimantRows build(int rows) {
      return new ClaimantRows(this, rows);
    }
  }
}
