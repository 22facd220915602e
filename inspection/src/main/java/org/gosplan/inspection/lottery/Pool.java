package org.gosplan.inspection.lottery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The people a panel is drawn from, in a fixed order (the order of the file, or of registration on
 * the record), each with an id and attribute values. The order matters only for breaking ties
 * (who of several interchangeable people gets one more of the 1,000 panels), so that the same pool
 * always gives the same lottery.
 */
public record Pool(List<Member> members) {
    public Pool {
        members = List.copyOf(members);
        Set<String> seen = new HashSet<>();
        for (Member m : members) {
            if (!seen.add(m.id())) {
                throw new LotteryException("", "the pool names '" + m.id() + "' twice; every id must be unique");
            }
        }
    }

    /** One pool member: its id and its attribute values by attribute name. */
    public record Member(String id, Map<String, String> attributes) {
        public Member {
            attributes = Map.copyOf(attributes);
        }
    }

    public int size() {
        return members.size();
    }

    public String id(int i) {
        return members.get(i).id();
    }

    /**
     * Reads a pool: a header row, then one row per person. The column {@code id} holds each person's
     * id; every other column is an attribute. Without an {@code id} column (the respondents files
     * of Flanigan et al.'s replication data) people are numbered from 1 in file order.
     */
    public static Pool read(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<Csv.Row> rows = Csv.read(file);
        if (rows.isEmpty()) {
            throw new LotteryException(name, "the file is empty; give a header row (id and one column per attribute)"
                    + " and one row per person");
        }
        List<String> header = rows.get(0).fields();
        int idColumn = -1;
        Set<String> names = new HashSet<>();
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c).strip();
            if (h.isEmpty()) {
                throw new LotteryException(name + ":" + rows.get(0).line(), "column " + (c + 1) + " has no name; name"
                        + " every column in the header");
            }
            if (!names.add(h)) {
                throw new LotteryException(name + ":" + rows.get(0).line(), "two columns are named '" + h + "'");
            }
            if (h.equals("id")) {
                idColumn = c;
            }
        }
        List<Member> members = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            Csv.Row row = rows.get(r);
            String where = row.where(name, header.size(), "give one value per column");
            String id = idColumn >= 0 ? row.fields().get(idColumn).strip() : Integer.toString(r);
            if (id.isEmpty()) {
                throw new LotteryException(where, "the id is empty; give every person an id");
            }
            Integer before = lineOf.putIfAbsent(id, row.line());
            if (before != null) {
                throw new LotteryException(where, "id '" + id + "' was already given on line " + before
                        + "; ids must be unique");
            }
            Map<String, String> attrs = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (c != idColumn) {
                    attrs.put(header.get(c).strip(), row.fields().get(c).strip());
                }
            }
            members.add(new Member(id, attrs));
        }
        if (members.isEmpty()) {
            throw new LotteryException(name, "the pool has nobody in it; give one row per person after the header");
        }
        return new Pool(members);
    }
}
