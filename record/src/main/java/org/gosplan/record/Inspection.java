package org.gosplan.record;

import java.util.List;

/**
 * An inspection ordered on the record (inspection.md) and, once drawn, its panel.
 *
 * @param index   the log index of its {@code inspection.ordered} event
 * @param panel   how many inspectors the panel has
 * @param quotas  the content hash of its quotas CSV, or null for none
 * @param exclude the attribute keys whose values an inspector may not share with the unit
 * @param drawAt  the tree size whose root seeds the draw
 * @param drawn   the log index of its {@code draw.made} event, -1 until drawn
 * @param members the drawn panel's signers ({@code <name>+<key id>}), empty until drawn
 */
public record Inspection(long index, String unit, int panel, String quotas, List<String> exclude, long drawAt,
                         long drawn, List<String> members) {
    public Inspection {
        exclude = List.copyOf(exclude);
        members = List.copyOf(members);
    }

    public boolean isDrawn() {
        return drawn >= 0;
    }

    /** The same inspection, drawn at log index {@code at} with these members. */
    Inspection drawnAt(long at, List<String> panelMembers) {
        return new Inspection(index, unit, panel, quotas, exclude, drawAt, at, panelMembers);
    }
}
