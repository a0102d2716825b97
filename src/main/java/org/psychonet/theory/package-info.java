/**
 * Theory of learning in linear networks (eqs 7–11): the time course of each PC's proportion learned, started from
 * the simulation's initial weights. May import {@code util} and {@code learning} (the architectures it describes).
 */
package org.psychonet.theory;
