/**
 * Renders results to files: CSVs, plots ({@code Plots}), each experiment's report
 * ({@link org.psychonet.report.Report}: a returned result record → files), the one JSON mapper and provenance.
 * May import {@code experiment} and every layer below it.
 */
package org.psychonet.report;
