/**
 * The composition root of {@code psychonet reproduce}: the registry of steps
 * ({@link org.psychonet.reproduce.PaperReproduction}, one line per experiment), the cache of typed results
 * ({@link org.psychonet.reproduce.ResultCache}), the run ({@link org.psychonet.reproduce.Reproduction}) and the
 * assembly of the table of claims and the HTML page. May import {@code report}, {@code experiment} and every layer
 * below them.
 */
package org.psychonet.reproduce;
