/**
 * The paper's experiments behind one seam: an {@link org.psychonet.experiment.Experiment} validates its config record,
 * computes, and returns a typed {@link org.psychonet.experiment.ExperimentResult} record (nested records per network,
 * condition, seed) with its {@link org.psychonet.experiment.Claim}s; it writes no files, except large binary
 * artifacts (trained weights) into the folder it is given. Jackson serialises the result: its {@code summary()} record
 * into result.json, the whole record into the {@code reproduce} cache, from which it is read back into the same type.
 * The report ({@code org.psychonet.report}) renders a returned result to files afterwards.
 *
 * <p>Rules: no {@code Map<String, Object>} results, no unchecked casts (TypedResultsTest); configs are records whose
 * defaults are the paper's values with their citation, validated once in {@code validate()} with messages naming the
 * parameter ({@code InvalidInputException.parameter}), never a command-line flag. May import every lower layer:
 * {@code util}, {@code stimulus}, {@code images}, {@code model}, {@code sensitivity}, {@code learning}, {@code theory}.
 */
package org.psychonet.experiment;
