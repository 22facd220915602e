package org.gosplan.planner;

import java.util.List;

/**
 * Why a plan is infeasible (or unbounded): a small set of targets, techniques, resources and
 * capacities that cannot hold together, and the same in words.
 *
 * @param summary        one sentence
 * @param explanation    further sentences, one per fact
 * @param products       ids of the products whose targets conflict
 * @param techniques     ids of the techniques involved
 * @param resources      ids of the resources that run out
 * @param capacities     ids of the techniques whose capacities bind
 * @param maxFulfilment  the largest share of all targets that can be met together (λ of fulfil), or NaN
 */
public record Diagnosis(String summary, List<String> explanation, List<String> products, List<String> techniques,
                        List<String> resources, List<String> capacities, double maxFulfilment) {
    public Diagnosis {
        explanation = List.copyOf(explanation);
        products = List.copyOf(products);
        techniques = List.copyOf(techniques);
        resources = List.copyOf(resources);
        capacities = List.copyOf(capacities);
    }
}
