package org.gosplan.inspection.reconcile;

/** The kinds of finding of inspection.md, in the order findings of equal size are listed. */
public enum Kind {
    /** A unit that runs techniques of the plan and has not reported. */
    MISSING_REPORT("missing-report"),
    /** A supplier's delivery and its receiver's receipt differ (double entry). */
    DELIVERY_MISMATCH("delivery-mismatch"),
    /** More output than the inputs received, made and kept could have made: output on paper. */
    INPUTS_SHORT("inputs-short"),
    /** The same for resources: less used than the reported levels need. */
    RESOURCE_SHORT("resource-short"),
    /** A product's reported net output below its planned net output. */
    UNDER_FULFILLED("under-fulfilled"),
    /** A product delivered by units in total more than they made and received. */
    UNBALANCED("unbalanced");

    private final String id;

    Kind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
