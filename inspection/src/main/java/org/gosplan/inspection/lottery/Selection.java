package org.gosplan.inspection.lottery;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A lottery ready to draw: each pool member's selection probability (leximin), and the
 * {@link #panels()} equally likely panels it was rounded to. The panel drawn with a seed is
 * {@code seed mod M}, the seed read as an unsigned big-endian integer.
 */
public final class Selection {
    private final List<String> ids;
    private final double[] probability;
    private final int[][] panels;
    private final int stages;
    private final int columns;
    private final int types;
    private final int[] seats;
    private final boolean leximin;
    private final double deviation;

    Selection(List<String> ids, double[] probability, int[][] panels, int stages, int columns, int types,
            boolean leximin, double deviation) {
        this.leximin = leximin;
        this.deviation = deviation;
        this.ids = List.copyOf(ids);
        this.probability = probability.clone();
        this.panels = panels;
        this.stages = stages;
        this.columns = columns;
        this.types = types;
        seats = new int[ids.size()];
        for (int[] p : panels) {
            for (int x : p) {
                seats[x]++;
            }
        }
    }

    /** The pool's size. */
    public int size() {
        return ids.size();
    }

    public String id(int i) {
        return ids.get(i);
    }

    /** Pool member {@code i}'s probability of being on the panel. */
    public double probability(int i) {
        return probability[i];
    }

    /** The smallest probability of any pool member: the maximin. */
    public double minProbability() {
        double min = Double.POSITIVE_INFINITY;
        for (double p : probability) {
            min = Math.min(min, p);
        }
        return min;
    }

    /** The number {@code M} of equally likely panels. */
    public int panels() {
        return panels.length;
    }

    /** Panel {@code j}'s members (pool indexes, ascending). */
    public int[] panel(int j) {
        return panels[j].clone();
    }

    /** Member {@code i}'s share of the {@code M} panels (how many hold it, divided by {@code M}). */
    public double share(int i) {
        return (double) seats[i] / panels.length;
    }

    /** How many of the {@code M} panels hold member {@code i}. */
    public int seats(int i) {
        return seats[i];
    }

    /** The panel a seed draws: {@code seed mod M}, the seed an unsigned big-endian integer. */
    public int index(byte[] seed) {
        return new BigInteger(1, seed).mod(BigInteger.valueOf(panels.length)).intValue();
    }

    /** The ids of the panel a seed draws, in pool order. */
    public List<String> draw(byte[] seed) {
        List<String> out = new ArrayList<>();
        for (int i : panels[index(seed)]) {
            out.add(ids.get(i));
        }
        return out;
    }

    /** Leximin stages (each fixes the probabilities of one or more types of people). */
    public int stages() {
        return stages;
    }

    /**
     * Whether the probabilities are the leximin (true) or, the leximin having stopped at
     * {@link Lottery#LEXIMIN_BUDGET}, maximin with the leximin's first stages.
     */
    public boolean leximin() {
        return leximin;
    }

    /**
     * The largest difference between a member's share of the panels and its probability: at most
     * {@code 1/M} wherever the rounding keeps everyone that close (every pool tested, the
     * 2,000-person benchmark included), else the nearest the rounding found.
     */
    public double deviation() {
        return deviation;
    }

    /** Distinct panels the column generation found. */
    public int columns() {
        return columns;
    }

    /** Types of people (alike in every quota feature). */
    public int types() {
        return types;
    }
}
