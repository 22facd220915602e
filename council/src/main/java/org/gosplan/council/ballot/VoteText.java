package org.gosplan.council.ballot;

import java.util.ArrayList;
import java.util.List;
import org.gosplan.record.RecordException;

/**
 * A vote as the command line writes it: {@code I,J,K} (approvals, or a strict ranking) or
 * {@code I,{J,K},L} (a ranking with a tie group in braces), read into groups of option names.
 */
final class VoteText {
    private VoteText() {}

    /** The groups of {@code text}, most preferred first; for approvals, one group per option. */
    static List<List<String>> parse(String option, String text) {
        List<List<String>> groups = new ArrayList<>();
        List<String> open = null;
        StringBuilder token = new StringBuilder();
        String s = text.strip();
        if (s.isEmpty()) {
            return groups;
        }
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ',';
            if (c == '{') {
                if (open != null || !token.toString().isBlank()) {
                    throw bad(option, text, "a brace opens inside a group or after an option");
                }
                open = new ArrayList<>();
            } else if (c == '}') {
                if (open == null) {
                    throw bad(option, text, "a brace closes that was not opened");
                }
                add(option, text, open, token);
                if (open.isEmpty()) {
                    throw bad(option, text, "a tie group {} is empty");
                }
                groups.add(open);
                open = null;
                // what follows a closing brace is a comma or the end
                int next = i + 1;
                while (next < s.length() && s.charAt(next) == ' ') {
                    next++;
                }
                if (next < s.length() && s.charAt(next) != ',') {
                    throw bad(option, text, "a tie group is followed by a comma or the end");
                }
                i = next;
            } else if (c == ',') {
                if (open != null) {
                    if (i == s.length()) {
                        throw bad(option, text, "a brace is not closed");
                    }
                    add(option, text, open, token);
                } else {
                    List<String> one = new ArrayList<>();
                    add(option, text, one, token);
                    groups.add(one);
                }
            } else {
                token.append(c);
            }
        }
        return groups;
    }

    private static void add(String option, String text, List<String> group, StringBuilder token) {
        String t = token.toString().strip();
        token.setLength(0);
        if (t.isEmpty()) {
            throw bad(option, text, "an option is empty (two commas in a row, or a comma at an end)");
        }
        group.add(t);
    }

    private static RecordException bad(String option, String text, String why) {
        return new RecordException(option + " '" + text + "': " + why + "; write options as I,J,K or, with ties,"
                + " I,{J,K},L");
    }
}
