package org.psychonet.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One Jackson mapper for every JSON psychonet writes and reads: pretty, records as objects in declaration order, map
 * entries sorted by key (the same content gives the same bytes). JSON has no NaN or
 * infinity, so a non-finite number is written as {@code null} (one type per field for Python and pandas readers;
 * where it matters, the result says why in a {@code …_reason} field or by its n) and a {@code null} read into a
 * {@code double} — alone or in an array — comes back as NaN, so a result read from the cache equals the result
 * that was written.
 */
public final class Json {
    public static final ObjectMapper MAPPER = create();

    private Json() {
    }

    private static ObjectMapper create() {
        ObjectMapper m = new ObjectMapper();
        m.enable(SerializationFeature.INDENT_OUTPUT);
        // same bytes for the same content: a map's order never depends on hashing or insertion
        m.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        m.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        SimpleModule mod = new SimpleModule("psychonet-numbers");
        JsonSerializer<Double> number = new JsonSerializer<>() {
            @Override
            public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
                writeDouble(v, g);
            }
        };
        mod.addSerializer(Double.class, number);
        mod.addSerializer(double.class, number);
        mod.addSerializer(double[].class, new JsonSerializer<>() {
            @Override
            public void serialize(double[] v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeStartArray(v, v.length);
                for (double x : v) {
                    writeDouble(x, g);
                }
                g.writeEndArray();
            }
        });
        mod.addDeserializer(double.class, new JsonDeserializer<>() {
            @Override
            public Double deserialize(JsonParser p, DeserializationContext c) throws IOException {
                return readDouble(p, c);
            }

            @Override
            public Double getNullValue(DeserializationContext c) {
                return Double.NaN;
            }
        });
        mod.addDeserializer(double[].class, new JsonDeserializer<>() {
            @Override
            public double[] deserialize(JsonParser p, DeserializationContext c) throws IOException {
                if (!p.isExpectedStartArrayToken()) {
                    return (double[]) c.handleUnexpectedToken(double[].class, p);
                }
                double[] out = new double[16];
                int n = 0;
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = t == JsonToken.VALUE_NULL ? Double.NaN : readDouble(p, c);
                }
                return Arrays.copyOf(out, n);
            }
        });
        m.registerModule(mod);
        return m;
    }

    private static void writeDouble(double v, JsonGenerator g) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }

    /** A number; also the strings "NaN", "Infinity", "-Infinity" of results written before non-finite became null. */
    private static double readDouble(JsonParser p, DeserializationContext c) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getDoubleValue();
        }
        if (t == JsonToken.VALUE_NULL) {
            return Double.NaN;
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText().trim();
            switch (s) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    try {
                        return Double.parseDouble(s);
                    } catch (NumberFormatException e) {
                        return (Double) c.handleWeirdStringValue(double.class, s, "not a number");
                    }
            }
        }
        return (Double) c.handleUnexpectedToken(double.class, p);
    }

    public static void write(Path file, Object value) throws IOException {
        MAPPER.writeValue(file.toFile(), value);
    }
}
