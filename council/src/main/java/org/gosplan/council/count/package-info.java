/**
 * The counting methods of councils.md, as pure functions of the ballots: no log, no files, no
 * clock. Every count is fully specified and deterministic, and reports each tie it broke.
 *
 * <p>Options are dense indexes {@code 0..m-1} with names ({@link Options}); a tie between options
 * is always broken in favour of the lower index, so a caller that wants "the lower log index" or
 * "the earlier label" to win orders the options that way. Ballots carry how many voters cast them
 * ({@code count}), as PrefLib and Pabulib files do. Each method returns a {@link Tally}, the JSON
 * of {@code gosplan tally}.
 *
 * <ul>
 *   <li>{@code Approval}: the {@code seats} options with most approvals.
 *   <li>{@code Schulze}: the full Schulze ranking (winner first).
 *   <li>{@code Stv}: the single transferable vote, Scottish rules (WIGM, Droop quota, five-decimal
 *       truncation), stage by stage.
 *   <li>{@code EqualShares}: the Method of Equal Shares with cost utilities and the add1 completion.
 * </ul>
 */
package org.gosplan.council.count;
