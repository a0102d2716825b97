/**
 * The command line: parses options, maps them onto config records (the one table of parameter → flag is
 * {@code Flags}), runs and writes through {@code util.output.SafeOutput}, and turns bad input into one line and an
 * exit code. May import everything.
 */
package org.psychonet.cli;
