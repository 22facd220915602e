package org.gosplan.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inspectorate's part of a snapshot (inspection.md): units, the plans reports may name,
 * inspections with their drawn panels, and findings. Each register is shared by the snapshots of
 * one fold and read as of the snapshot's size ({@link Versions}).
 */
final class InspectionState {
    private final Versions<String, Unit> units;
    private final Versions<String, Long> plans; // plan hash -> log index of its first plan.computed
    private final Versions<Long, Inspection> inspections;
    private final Versions<Long, Finding> findings;

    private InspectionState(Versions<String, Unit> units, Versions<String, Long> plans,
                            Versions<Long, Inspection> inspections, Versions<Long, Finding> findings) {
        this.units = units;
        this.plans = plans;
        this.inspections = inspections;
        this.findings = findings;
    }

    static InspectionState empty() {
        return new InspectionState(Versions.empty(), Versions.empty(), Versions.empty(), Versions.empty());
    }

    Unit unit(String id, long size) {
        return units.at(id, size);
    }

    Map<String, Unit> units(long size) {
        return units.all(size);
    }

    Long plan(String hash, long size) {
        return plans.at(hash, size);
    }

    Inspection inspection(long index, long size) {
        return inspections.at(index, size);
    }

    Map<Long, Inspection> inspections(long size) {
        return inspections.all(size);
    }

    Finding finding(long index, long size) {
        return findings.at(index, size);
    }

    /** What the state at {@code s} rules out for {@code event} (form and signer's role checked already), or null. */
    String refusal(Snapshot s, Event event) {
        JsonNode b = event.body();
        long size = s.size();
        switch (event.type()) {
            case EventTypes.FULFILMENT_REPORTED: {
                String unit = b.get("unit").asText();
                String why = unitKey(s, event.signer(), unit);
                if (why != null) {
                    return why;
                }
                if (plan(b.get("plan").asText(), size) == null) {
                    return "plan " + b.get("plan").asText() + " is not a plan recorded on this log (plan.computed);"
                            + " a report names the plan it fulfils";
                }
                return null;
            }
            case EventTypes.INSPECTION_ORDERED: {
                String unit = b.get("unit").asText();
                if (unit(unit, size) == null) {
                    return "unit '" + unit + "' is not registered; an operator registers it with 'gosplan record DIR"
                            + " unit " + unit + " --techniques ...'";
                }
                long drawAt = b.get("drawAt").asLong();
                if (drawAt <= size + 1) {
                    return "drawAt " + drawAt + " must exceed the log's size at this entry (" + (size + 1)
                            + "), so that the draw's root is not known when the inspection is ordered";
                }
                return null;
            }
            case EventTypes.SECRET_COMMITTED:
                return openInspection(b.get("inspection").asLong(), size) == null
                        ? notOpen(b.get("inspection").asLong(), size) : null;
            case EventTypes.SECRET_REVEALED: {
                long at = b.get("inspection").asLong();
                Inspection i = openInspection(at, size);
                if (i == null) {
                    return notOpen(at, size);
                }
                // revealed before the root at drawAt is fixed, a secret would let whoever appends next
                // steer the draw
                return size < i.drawAt() ? "inspection " + at + "'s secrets are revealed once the log has "
                        + i.drawAt() + " entries (drawAt); it has " + size : null;
            }
            case EventTypes.DRAW_MADE:
                return drawRefusal(s, b);
            case EventTypes.FINDING_FILED: {
                long at = b.get("inspection").asLong();
                Inspection i = inspection(at, size);
                if (i == null) {
                    return "there is no inspection ordered at entry " + at;
                }
                if (!i.isDrawn()) {
                    return "inspection " + at + "'s panel is not drawn yet; findings come from the drawn panel only";
                }
                if (!i.members().contains(event.signer())) {
                    return "'" + event.signer() + "' is not on inspection " + at + "'s drawn panel (draw.made at"
                            + " entry " + i.drawn() + "); only its inspectors may file findings";
                }
                return null;
            }
            case EventTypes.FINDING_ANSWERED: {
                long at = b.get("finding").asLong();
                Finding f = finding(at, size);
                if (f == null) {
                    return "there is no finding filed at entry " + at;
                }
                return unitKey(s, event.signer(), inspection(f.inspection(), size).unit());
            }
            default:
                return null;
        }
    }

    /** Refuses a signer that is not an enterprise key of registered unit {@code unit}. */
    private String unitKey(Snapshot s, String signer, String unit) {
        if (unit(unit, s.size()) == null) {
            return "unit '" + unit + "' is not registered; an operator registers it with 'gosplan record DIR unit "
                    + unit + " --techniques ...'";
        }
        Member m = s.member(signer);
        String its = m.attrs().get("unit");
        if (!unit.equals(its)) {
            return "'" + signer + "' is " + (its == null ? "of no unit" : "a key of unit '" + its + "'")
                    + ", not of unit '" + unit + "'; an enterprise key belongs to a unit through 'gosplan record DIR"
                    + " member VKEY --role enterprise --attr unit=" + unit + "'";
        }
        return null;
    }

    private Inspection openInspection(long at, long size) {
        Inspection i = inspection(at, size);
        return i == null || i.isDrawn() ? null : i;
    }

    private String notOpen(long at, long size) {
        Inspection i = inspection(at, size);
        return i == null ? "there is no inspection ordered at entry " + at
                : "inspection " + at + " was drawn at entry " + i.drawn() + "; its secrets are closed";
    }

    private String drawRefusal(Snapshot s, JsonNode b) {
        long at = b.get("inspection").asLong();
        Inspection i = openInspection(at, s.size());
        if (i == null) {
            return notOpen(at, s.size());
        }
        if (s.size() < i.drawAt()) {
            return "inspection " + at + " is drawn once the log has " + i.drawAt() + " entries; it has " + s.size();
        }
        JsonNode panel = b.get("panel");
        if (panel.size() != i.panel()) {
            return "inspection " + at + " draws a panel of " + i.panel() + ", not " + panel.size();
        }
        for (JsonNode n : panel) {
            Member m = s.memberAt(n.asText(), i.index());
            if (m == null || m.isRevoked() || m.role() != Role.INSPECTOR) {
                return "'" + n.asText() + "' was not a registered inspector when inspection " + at + " was ordered";
            }
        }
        return null;
    }

    /** The state after {@code event} at log index {@code index}, from a snapshot of tree size {@code size}. */
    InspectionState after(Event event, long index, long size) {
        JsonNode b = event.body();
        switch (event.type()) {
            case EventTypes.UNIT_REGISTERED: {
                Versions<String, Unit> u = units.extending(size, index);
                String id = b.get("id").asText();
                u.put(id, new Unit(id, strings(b.get("techniques")), attributes(b.path("attrs")), index), index + 1);
                return new InspectionState(u, plans, inspections, findings);
            }
            case EventTypes.PLAN_COMPUTED: {
                String h = b.get("plan").asText();
                if (plans.at(h, size) != null) {
                    return this;
                }
                Versions<String, Long> p = plans.extending(size, index);
                p.put(h, index, index + 1);
                return new InspectionState(units, p, inspections, findings);
            }
            case EventTypes.INSPECTION_ORDERED: {
                Versions<Long, Inspection> i = inspections.extending(size, index);
                JsonNode q = b.get("quotas");
                i.put(index, new Inspection(index, b.get("unit").asText(), b.get("panel").asInt(),
                        q == null || q.isNull() ? null : q.asText(), strings(b.path("exclude")),
                        b.get("drawAt").asLong(), -1, List.of()), index + 1);
                return new InspectionState(units, plans, i, findings);
            }
            case EventTypes.DRAW_MADE: {
                long at = b.get("inspection").asLong();
                Inspection was = inspections.at(at, size);
                if (was == null) {
                    return this; // refused by refusal(); apply() without it changes nothing here
                }
                Versions<Long, Inspection> i = inspections.extending(size, index);
                i.put(at, was.drawnAt(index, strings(b.get("panel"))), index + 1);
                return new InspectionState(units, plans, i, findings);
            }
            case EventTypes.FINDING_FILED: {
                Versions<Long, Finding> f = findings.extending(size, index);
                f.put(index, new Finding(index, b.get("inspection").asLong(), event.signer(),
                        b.get("finding").asText()), index + 1);
                return new InspectionState(units, plans, inspections, f);
            }
            default:
                return this;
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(n.asText());
        }
        return out;
    }

    static Map<String, String> attributes(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
        return out;
    }
}
