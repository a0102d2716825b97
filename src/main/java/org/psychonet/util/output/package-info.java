/**
 * Writing results safely: {@link org.psychonet.util.output.SafeOutput} is the one way a result folder is written and
 * the only code in psychonet that deletes anything (psychonet never deletes or overwrites what it did not write).
 * May import {@code util}.
 */
package org.psychonet.util.output;
