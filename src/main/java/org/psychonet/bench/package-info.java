/**
 * Benchmarks of the engine against the authors' approach. May import {@code util}, {@code stimulus}, {@code images},
 * {@code model}, {@code sensitivity}.
 */
package org.psychonet.bench;
