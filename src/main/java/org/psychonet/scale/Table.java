package org.psychonet.scale;

import java.util.List;

/**
 * A tidy table for columnar output (Parquet): typed, named columns and rows of boxed values (null = missing).
 *
 * @param columns the schema
 * @param rows    each row holds one value per column: String, Long, Integer or Double (or null where nullable)
 */
public record Table(List<Column> columns, List<Object[]> rows) {

    /** Column types with a Parquet and a CSV form. */
    public enum Type { STRING, LONG, INT, DOUBLE }

    public record Column(String name, Type type, boolean nullable) {
    }

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (Object[] r : rows) {
            if (r.length != columns.size()) {
                throw new IllegalArgumentException("row of " + r.length + " values for " + columns.size() + " columns");
            }
        }
    }
}
