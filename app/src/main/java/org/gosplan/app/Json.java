package org.gosplan.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.gosplan.economy.Problem;

/** The one JSON document a command prints with {@code --json}. */
final class Json {
    private Json() {}

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static void print(PrintStream out, Object document) {
        try {
            out.println(MAPPER.writeValueAsString(document));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A failed command's one document with {@code --json}: {@code {"errors": [{"where", "message"}, ...]}}. */
    static void printErrors(PrintStream out, List<Problem> errors) {
        ObjectNode doc = object();
        putProblems(doc, "errors", errors);
        print(out, doc);
    }

    /** Problems as {@code [{"where": ..., "message": ...}, ...]}. */
    static void putProblems(ObjectNode node, String field, List<Problem> problems) {
        var array = node.putArray(field);
        for (Problem p : problems) {
            array.addObject().put("where", Secrets.redact(p.where())).put("message", Secrets.redact(p.message()));
        }
    }
}
