package org.gosplan.planner.extended;

import java.util.List;

/**
 * One least-use stage of a plan with republics, trade or years (docs/least-use.md, here over every
 * year and republic): with the objective held, the least {@code Σ use / available} over the limited
 * resources of every year ({@code limited}), then, with those held, the least {@code Σ use / u}
 * over the unlimited ones, {@code u} their use before the stage ({@code unlimited}). {@code value}
 * is the least sum; the certificate is the stage's own, from its levels and row duals.
 */
public record ExtendedStage(String minimises, List<String> resources, double value, String method, double seconds,
                            double primalInfeasibility, double dualInfeasibility, double gap) {
    public ExtendedStage {
        resources = List.copyOf(resources);
    }
}
