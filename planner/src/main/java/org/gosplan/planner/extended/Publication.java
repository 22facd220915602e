package org.gosplan.planner.extended;

import java.util.List;

/**
 * What a plan publishes beyond the leximin of {@link ExtendedPlanner}: the objective when it is
 * min-resource, and the least-use stages with the levels of the last one. Absent (null on
 * {@link ExtendedPlanner.Leximin}), the plan is the leximin's last round, as before the stages.
 */
final class Publication {
    /** The resource min-resource minimised over every year; -1 for fulfil. */
    int minimised = -1;
    /** The last proven stage's answer, whose levels the plan publishes; null: the objective's own. */
    Lp.Solution levels;
    /** The stages run; null when they were not asked for. */
    List<ExtendedStage> stages;
    /** Why a stage did not stand (its plan not proven), or null. */
    String note;
}
