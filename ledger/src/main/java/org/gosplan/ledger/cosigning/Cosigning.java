package org.gosplan.ledger.cosigning;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gosplan.ledger.Checkpoint;
import org.gosplan.ledger.LedgerException;
import org.gosplan.ledger.Log;
import org.gosplan.ledger.NoteVerifier;
import org.gosplan.ledger.ProofException;
import org.gosplan.ledger.SignedNote;
import org.gosplan.ledger.policy.Policy;

/**
 * The log's side of C2SP tlog-witness: sends the log's latest checkpoint to every witness of a
 * policy ({@code POST <url>/add-checkpoint} with a consistency proof from the size that witness
 * last cosigned), collects their cosignatures and stores the cosigned checkpoint in the log. A
 * witness that is down, slow or refuses does not stop the others: it is reported as failed.
 */
public final class Cosigning {
    /** The most times one witness is asked: once, and again from each size a 409 answer names. */
    private static final int TRIES = 3;
    /** The most checkpoints one call tries to have cosigned while other writers keep appending. */
    private static final int ROUNDS = 3;
    private static final int MAX_ANSWER_CHARS = 64 << 10;

    /** A witness that gave no cosignature: its policy name, the HTTP status (0: none), and why. */
    public record Failure(String witness, int status, String message) {}

    /**
     * The stored checkpoint with every cosignature it now carries; the witnesses whose valid
     * cosignatures it carries (policy names); those that failed this time; and the policy's verdict.
     */
    public record Result(Checkpoint checkpoint, List<String> cosigned, List<Failure> failed, Policy.Verdict verdict) {}

    private final HttpClient http;
    private final Duration timeout;

    /** A client whose connections and requests give up after {@code timeout}. */
    public Cosigning(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * Has the log's latest checkpoint cosigned by the policy's witnesses (all at once) and stores
     * it. When the log signs a newer checkpoint meanwhile (another writer appended), that one is
     * sent instead, a few times at most.
     */
    public Result cosign(Log log, Policy policy) throws IOException {
        for (int round = 1; ; round++) {
            Checkpoint sent = log.checkpoint();
            Optional<Result> r = cosignLatest(log, policy, sent);
            if (r.isPresent()) {
                return r.get();
            }
            if (round == ROUNDS) {
                return outpaced(log, policy, sent);
            }
        }
    }

    /**
     * The log signed a newer checkpoint while each of {@link #ROUNDS} was with the witnesses: not
     * the user's mistake but an outcome, so the latest stored checkpoint is reported as it stands,
     * with every witness whose cosignature it lacks failed for that reason.
     */
    private static Result outpaced(Log log, Policy policy, Checkpoint sent) throws IOException {
        List<Checkpoint> stored = log.checkpoints();
        Checkpoint latest = stored.get(stored.size() - 1);
        Policy.Verdict verdict = verdict(policy, latest, log.verifierKey());
        List<Failure> failed = new ArrayList<>();
        for (Policy.Witness w : policy.witnesses()) {
            if (!verdict.cosigned().containsKey(w.name())) {
                failed.add(new Failure(w.name(), 0, "the log signed a newer checkpoint (size " + latest.size()
                        + ") while each of " + ROUNDS + " was being cosigned (the last of size " + sent.size()
                        + "): other writers append faster than the witnesses answer; try again"));
            }
        }
        return new Result(latest, List.copyOf(verdict.cosigned().keySet()), failed, verdict);
    }

    private static Policy.Verdict verdict(Policy policy, Checkpoint cp, NoteVerifier logKey) {
        return policy.logs().isEmpty() ? policy.evaluate(cp, List.of(logKey)) : policy.evaluate(cp);
    }

    private Optional<Result> cosignLatest(Log log, Policy policy, Checkpoint latest) throws IOException {
        NoteVerifier logKey = log.verifierKey();
        String request = ownNote(latest, logKey);
        List<Checkpoint> history = log.checkpoints();
        List<Policy.Witness> witnesses = policy.witnesses();
        List<Future<Answer>> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(16, witnesses.size())), r -> {
            Thread t = new Thread(r, "gosplan-cosigning");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Policy.Witness w : witnesses) {
                answers.add(pool.submit(() -> ask(log, w, latest, request, history)));
            }
            Checkpoint cosigned = latest;
            List<Failure> failed = new ArrayList<>();
            for (int i = 0; i < witnesses.size(); i++) {
                Answer a;
                try {
                    a = answers.get(i).get();
                } catch (ExecutionException e) {
                    Throwable t = e.getCause();
                    a = new Answer(null, new Failure(witnesses.get(i).name(), 0, String.valueOf(t.getMessage())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for the witnesses");
                }
                if (a.failure() != null) {
                    failed.add(a.failure());
                } else if (a.cosignature() != null) {
                    cosigned = Checkpoint.parse(cosigned.note().with(a.cosignature()).toString());
                }
            }
            Optional<Checkpoint> kept = log.addCosignatures(cosigned);
            if (kept.isEmpty()) {
                return Optional.empty();
            }
            Checkpoint stored = kept.get();
            Policy.Verdict verdict = verdict(policy, stored, logKey);
            return Optional.of(new Result(stored, List.copyOf(verdict.cosigned().keySet()), failed, verdict));
        } finally {
            pool.shutdownNow();
        }
    }

    /** A new cosignature line, or none (the checkpoint has one of this witness already), or a failure. */
    private record Answer(SignedNote.Signature cosignature, Failure failure) {}

    private Answer ask(Log log, Policy.Witness w, Checkpoint latest, String note, List<Checkpoint> history)
            throws IOException, InterruptedException {
        if (cosignedBy(w, latest)) {
            return new Answer(null, null);
        }
        Optional<String> url = w.url();
        if (url.isEmpty()) {
            return fail(w, 0, "the policy gives no URL for this witness ('witness " + w.name() + " <vkey> <url>')");
        }
        URI uri;
        try {
            uri = URI.create(url.get().replaceAll("/+$", "") + "/add-checkpoint");
        } catch (IllegalArgumentException e) {
            return fail(w, 0, "its URL '" + url.get() + "' is not a URL: " + e.getMessage());
        }
        long old = lastCosigned(w, history, latest.size());
        for (int attempt = 0; attempt < TRIES; attempt++) {
            HttpResponse<String> r;
            try {
                r = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                        .header("Content-Type", "text/plain; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body(log, old, latest.size(), note))).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (HttpTimeoutException e) {
                return fail(w, 0, "no answer from " + uri + " within " + timeout.toSeconds() + " s");
            } catch (ConnectException e) {
                return fail(w, 0, "cannot reach " + uri + ": connection refused (is the witness running?)");
            } catch (IOException e) {
                return fail(w, 0, "cannot reach " + uri + ": " + (e.getMessage() == null ? e : e.getMessage()));
            }
            String answer = r.body().length() > MAX_ANSWER_CHARS ? r.body().substring(0, MAX_ANSWER_CHARS) : r.body();
            if (r.statusCode() == 200) {
                return cosignature(w, latest, answer);
            }
            if (r.statusCode() == 409) {
                // The witness names the size it last cosigned: send the proof from there.
                String size = answer.strip();
                if (!size.matches("0|[1-9][0-9]{0,18}")) {
                    return fail(w, 409, "answered 409 without a size ('" + firstLine(answer) + "')");
                }
                long named = Long.parseLong(size);
                if (named > latest.size()) {
                    return fail(w, 409, "it has cosigned size " + named + " of this log, more than the log's "
                            + latest.size() + ": it has seen another history of the log under this origin");
                }
                if (named == old) {
                    return fail(w, 409, "answered 409 naming the size " + old + " that was sent");
                }
                old = named;
                continue;
            }
            return fail(w, r.statusCode(), firstLine(answer).isEmpty() ? "answered " + r.statusCode()
                    : firstLine(answer));
        }
        return fail(w, 409, "the size it last cosigned kept changing; " + TRIES + " tries");
    }

    /** The add-checkpoint body: the old size, the consistency proof lines, a blank line, the checkpoint. */
    private static String body(Log log, long old, long size, String note) throws IOException {
        StringBuilder b = new StringBuilder("old ").append(old).append('\n');
        if (old > 0 && old < size) {
            for (byte[] h : log.consistencyProof(old, size).proof()) {
                b.append(Base64.getEncoder().encodeToString(h)).append('\n');
            }
        }
        return b.append('\n').append(note).toString();
    }

    /** The witness's cosignature in a 200 answer, checked with its key; lines by other keys are ignored. */
    private static Answer cosignature(Policy.Witness w, Checkpoint latest, String answer) {
        SignedNote withAnswer;
        try {
            withAnswer = SignedNote.parse(latest.note().text() + "\n" + answer);
        } catch (LedgerException e) {
            return fail(w, 200, "answered 200 with no signature lines: " + e.getMessage());
        }
        try {
            OptionalLong t = w.key().verify(withAnswer);
            if (t.isEmpty()) {
                return fail(w, 200, "answered 200 without a cosignature by its key " + w.key());
            }
        } catch (ProofException e) {
            return fail(w, 200, e.getMessage());
        }
        for (SignedNote.Signature s : withAnswer.signatures()) {
            if (s.name().equals(w.key().name()) && s.keyId() == w.key().keyId()) {
                return new Answer(s, null);
            }
        }
        throw new IllegalStateException("a verified cosignature has no line");
    }

    private static Answer fail(Policy.Witness w, int status, String message) {
        return new Answer(null, new Failure(w.name(), status, message));
    }

    private static boolean cosignedBy(Policy.Witness w, Checkpoint cp) {
        try {
            return w.key().verify(cp.note()).isPresent();
        } catch (ProofException e) {
            return false;
        }
    }

    /** The largest size up to {@code size} of a stored checkpoint this witness cosigned, or 0. */
    private static long lastCosigned(Policy.Witness w, List<Checkpoint> history, long size) {
        for (int i = history.size() - 1; i >= 0; i--) {
            Checkpoint cp = history.get(i);
            if (cp.size() <= size && cosignedBy(w, cp)) {
                return cp.size();
            }
        }
        return 0;
    }

    /** The latest checkpoint with the log's own signature lines only (cosignatures are the witnesses' business). */
    private static String ownNote(Checkpoint cp, NoteVerifier logKey) {
        StringBuilder b = new StringBuilder(cp.note().text()).append('\n');
        for (SignedNote.Signature s : cp.note().signatures()) {
            if (s.name().equals(logKey.name()) && s.keyId() == logKey.keyId()) {
                b.append(s.line()).append('\n');
            }
        }
        return b.toString();
    }

    private static String firstLine(String s) {
        String line = s.strip().split("\n", 2)[0];
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }
}
