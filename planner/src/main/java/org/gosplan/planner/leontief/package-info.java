/**
 * Leontief solves: {@code (I - A) x = y} and its transpose by dense LU or an iterative method ({@link Leontief},
 * {@link LeontiefMethod}, {@link LeontiefOptions}), the multipliers and labour values built on them
 * ({@link Multipliers}), and the fixed pool of threads the kernels run on ({@link KernelPool}, shared with
 * the LP kernels of {@code lp}).
 */
package org.gosplan.planner.leontief;
