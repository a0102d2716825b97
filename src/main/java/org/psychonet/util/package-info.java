/**
 * The bottom layer: statistics ({@code Statistics}, {@code Estimate}), input-file checks, {@code .npy} I/O, progress
 * bars, the bad-input exception. Imports nothing of psychonet's.
 */
package org.psychonet.util;
