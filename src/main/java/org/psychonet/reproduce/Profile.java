package org.psychonet.reproduce;

/**
 * How large a reproduction is: {@code QUICK} (≤ 15 minutes on 2 cores, the default), {@code FULL} (the paper's
 * settings) and {@code TINY} (seconds; for tests of the reproduce machinery itself, never for claims about the
 * paper).
 */
public enum Profile { QUICK, FULL, TINY }
