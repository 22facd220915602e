package org.gosplan.council.proposal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.gosplan.economy.Economy;
import org.gosplan.record.RecordException;

/**
 * What a cost needs of a recorded plan: its status, the level of every technique and the
 * valuation of every product, streamed from the stored plan document (cli.md's plan JSON), so a
 * plan of millions of products is read without building its tree.
 *
 * @param status     the plan's status
 * @param levels     by technique index (0 where the document has none)
 * @param valuations by product index (NaN where the document has none)
 */
record PlanFigures(String status, double[] levels, double[] valuations) {
    /** Whether the plan has levels to run: a solved plan (optimal or feasible), not an infeasible one. */
    boolean hasLevels() {
        for (double l : levels) {
            if (l > 0) {
                return true;
            }
        }
        return false;
    }

    static PlanFigures read(InputStream in, Economy e, String hash) throws IOException {
        double[] levels = new double[e.techniques()];
        double[] valuations = new double[e.products()];
        Arrays.fill(valuations, Double.NaN);
        String status = "";
        // A million distinct field names: canonicalising them would fill the parser's symbol table for nothing.
        JsonFactory f = JsonFactory.builder().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build();
        try (JsonParser p = f.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw notAPlan(hash);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken t = p.nextToken();
                if (field.equals("status") && t == JsonToken.VALUE_STRING) {
                    status = p.getText();
                } else if (field.equals("levels") && t == JsonToken.START_OBJECT) {
                    readNumbers(p, levels, e::techniqueIndex, e::techniqueId);
                } else if (field.equals("valuations") && t == JsonToken.START_OBJECT) {
                    readNumbers(p, valuations, e::productIndex, e::productId);
                } else {
                    p.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
            throw notAPlan(hash);
        }
        return new PlanFigures(status, levels, valuations);
    }

    private static void readNumbers(JsonParser p, double[] into, java.util.function.ToIntFunction<String> index,
                                    java.util.function.IntFunction<String> id) throws IOException {
        int next = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.getCurrentName();
            // the plan document lists ids in index order: try the next index before the look-up
            int i = next < into.length && id.apply(next).equals(name) ? next : index.applyAsInt(name);
            next = i + 1;
            JsonToken v = p.nextToken();
            if (i >= 0 && v.isNumeric()) {
                into[i] = p.getDoubleValue();
            } else {
                p.skipChildren();
            }
        }
    }

    private static RecordException notAPlan(String hash) {
        return new RecordException("the stored plan " + hash + " is not a plan document; 'gosplan verify DIR' says"
                + " what is wrong with the record");
    }
}
