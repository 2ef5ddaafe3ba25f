package org.beltway.internal.dual;

import java.util.Arrays;
import org.beltway.internal.Workers;

/**
 * Jacobi-preconditioned conjugate gradients on a symmetric positive semidefinite system {@code (A + εD)
 * x = b}, {@code D} its diagonal, from zero: the linear algebra of the {@link NewtonStep}. Every dot
 * product is summed per chunk and reduced in chunk order, so the solution is the same for any thread
 * count. The arrays grow to the largest system seen and are reused.
 */
final class ConjugateGradients {
  /** Relative diagonal regularisation, which makes the system definite on closed clusters. */
  static final double REGULARISATION = 1e-9;
  /** Iterations per solve at most. */
  static final int MAX_ITERATIONS = 60;
  /** Stop when the preconditioned residual norm has fallen by this factor. */
  static final double RESIDUAL_REDUCTION = 1e-4;
  private static final int CHUNK = 4096;

  /** The product {@code out = (A + εD) v} over the first {@code n} components. */
  interface Operator {
    void multiply(double[] v, double[] out);
  }

  private final Workers workers;
  /** The diagonal of {@code A}, the right-hand side and the solution; valid up to the system's size. */
  double[] diagonal = new double[0];
  double[] rhs = new double[0];
  double[] solution = new double[0];
  private double[] residual = new double[0];
  private double[] preconditioned = new double[0];
  private double[] search = new double[0];
  private double[] product = new double[0];
  private double[] partials = new double[0];

  ConjugateGradients(Workers workers) {
    this.workers = workers;
  }

  /** Makes room for a system of {@code n} unknowns (the diagonal and right-hand side are then set). */
  void ensure(int n) {
    if (diagonal.length < n) {
      int size = Math.max(n, diagonal.length * 3 / 2);
      diagonal = new double[size];
      rhs = new double[size];
      solution = new double[size];
      residual = new double[size];
      preconditioned = new double[size];
      search = new double[size];
      product = new double[size];
    }
  }

  /** Jacobi-preconditioned conjugate gradients on the regularised system, from zero. */
  void solve(int n, Operator operator) {
    Arrays.fill(solution, 0, n, 0.0);
    System.arraycopy(rhs, 0, residual, 0, n);
    for (int v = 0; v < n; v++) {
      preconditioned[v] = residual[v] / (diagonal[v] * (1 + REGULARISATION));
    }
    System.arraycopy(preconditioned, 0, search, 0, n);
    double rz = dot(residual, preconditioned, n);
    double stop = rz * RESIDUAL_REDUCTION * RESIDUAL_REDUCTION;
    for (int iteration = 0; iteration < MAX_ITERATIONS && rz > stop && rz > 0; iteration++) {
      operator.multiply(search, product);
      double pq = dot(search, product, n);
      if (!(pq > 0)) {
        break;
      }
      double step = rz / pq;
      for (int v = 0; v < n; v++) {
        solution[v] += step * search[v];
        residual[v] -= step * product[v];
        preconditioned[v] = residual[v] / (diagonal[v] * (1 + REGULARISATION));
      }
      double next = dot(residual, preconditioned, n);
      double ratio = next / rz;
      rz = next;
      for (int v = 0; v < n; v++) {
        search[v] = preconditioned[v] + ratio * search[v];
      }
    }
  }

  /** A dot product summed per chunk and reduced in chunk order, so it is the same for any thread count. */
  private double dot(double[] x, double[] y, int n) {
    int chunks = (n + CHUNK - 1) / CHUNK;
    if (partials.length < chunks) {
      partials = new double[chunks];
    }
    workers.forEach(chunks, (c, w) -> {
      double sum = 0;
      for (int v = c * CHUNK, end = Math.min(n, v + CHUNK); v < end; v++) {
        sum += x[v] * y[v];
      }
      partials[c] = sum;
    });
    double total = 0;
    for (int c = 0; c < chunks; c++) {
      total += partials[c];
    }
    return total;
  }
}
