package org.gosplan.council.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Numbers past what the reader holds are refused for what they are, at their line. */
class PrefLibLimitsTest {
    private static final String HEAD = "# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 2\n# ALTERNATIVE NAME 1: A\n"
            + "# ALTERNATIVE NAME 2: B\n";

    private static String refusal(String body) {
        return assertThrows(PrefLibException.class, () -> PrefLibReader.parse("t.soi", HEAD + body)).getMessage();
    }

    @Test
    void aCountTooLargeIsSaidToBeTooLargeNotNotANumber() {
        assertEquals("t.soi:5: the count before ':' '99999999999999999999' is too large: at most 18 digits",
                refusal("99999999999999999999: 1,2\n"));
        assertEquals("t.soi:5: the count before ':' '-3' is not a whole number", refusal("-3: 1,2\n"));
        assertEquals("t.soi: counts more voters than can be counted (over 2^63)",
                refusal("999999999999999999: 1\n".repeat(10)));
    }
}
