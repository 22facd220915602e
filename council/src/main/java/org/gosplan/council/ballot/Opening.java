package org.gosplan.council.ballot;

import java.util.List;

/**
 * What {@code gosplan record DIR ballot} asks for (councils.md): a title, a method, the options
 * (proposals by log index, or candidates by label: one list is empty), the seats (null for the
 * method's default: 1, none for equal-shares), the budget of one resource (equal-shares only:
 * {@code budgetResource} null otherwise), the electorate, and whether the winners are adopted.
 */
public record Opening(String title, String method, List<Long> proposals, List<String> candidates, Integer seats,
        String budgetResource, double budgetAmount, String electorate, boolean adopt) {
    public Opening {
        proposals = List.copyOf(proposals);
        candidates = List.copyOf(candidates);
    }
}
