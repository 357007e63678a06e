package eu.clusternews.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;

/**
 * Replaces, in a decoded record, every {@code GenericData.Array} with an {@link ArrayList}, at any depth.
 *
 * <p>Why: {@code GenericData.Array.equals} compares through {@code GenericData.get()}, which has no logical-type
 * conversions, so {@code equals} between two decoded records throws ("Unknown datum type java.time.LocalDate") as
 * soon as an array holds records with date fields (see {@link JavaListSpecificDatumReader#needsPlainLists}). Avro's
 * fast reader always builds {@code GenericData.Array}s; copying them into plain lists afterwards costs a fraction of
 * what turning the fast reader off costs (the reader that builds plain lists itself is 2-3x slower). The walk follows
 * the schema and only enters fields, elements and map values whose schema can hold an array.
 */
public final class PlainLists {

    /**
     * Keyed by identity: equal schemas are often distinct instances (a record type nested in another's schema and
     * its own), and {@code Schema.equals} compares them field by field, which cost more than the walk it saves.
     */
    private static final Map<SchemaInstance, Boolean> HOLDS_ARRAYS = new ConcurrentHashMap<>();

    private record SchemaInstance(Schema schema) {
        @Override
        public boolean equals(Object other) {
            return other instanceof SchemaInstance that && that.schema == schema;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(schema);
        }
    }

    private PlainLists() {}

    /** Whether records of this schema need {@link #in}: they hold arrays whose elements carry logical types. */
    public static boolean needed(Schema schema) {
        return JavaListSpecificDatumReader.needsPlainLists(schema);
    }

    /** The same record, its arrays replaced in place. */
    public static <T> T in(T datum) {
        if (datum instanceof IndexedRecord record) {
            replaceIn(record);
        }
        return datum;
    }

    private static void replaceIn(IndexedRecord record) {
        List<Schema.Field> fields = record.getSchema().getFields();
        for (int i = 0; i < fields.size(); i++) {
            Schema schema = fields.get(i).schema();
            if (!holdsArrays(schema)) {
                continue;
            }
            Object value = record.get(i);
            Object plain = plain(value);
            if (plain != value) {
                record.put(i, plain);
            }
        }
    }

    /** The value with its arrays plain; the same object unless it is itself a {@code GenericData.Array}. */
    private static Object plain(Object value) {
        if (value instanceof IndexedRecord record) {
            replaceIn(record);
            return record;
        }
        if (value instanceof GenericData.Array<?> array) {
            List<Object> out = new ArrayList<>(array.size());
            boolean deep = holdsArrays(array.getSchema().getElementType());
            for (Object element : array) {
                out.add(deep ? plain(element) : element);
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            // only reached when the map's values can hold arrays
            @SuppressWarnings("unchecked")
            Map<Object, Object> values = (Map<Object, Object>) map;
            values.replaceAll((key, element) -> plain(element));
        }
        return value;
    }

    /** Whether values of this schema can be or contain an array. */
    private static boolean holdsArrays(Schema schema) {
        SchemaInstance key = new SchemaInstance(schema);
        Boolean known = HOLDS_ARRAYS.get(key);
        if (known == null) {
            known = holdsArrays(schema, new java.util.HashSet<>());
            HOLDS_ARRAYS.put(key, known);
        }
        return known;
    }

    private static boolean holdsArrays(Schema schema, java.util.Set<String> seen) {
        return switch (schema.getType()) {
            case ARRAY -> true;
            case RECORD ->
                seen.add(schema.getFullName())
                        && schema.getFields().stream().anyMatch(field -> holdsArrays(field.schema(), seen));
            case UNION -> schema.getTypes().stream().anyMatch(type -> holdsArrays(type, seen));
            case MAP -> holdsArrays(schema.getValueType(), seen);
            default -> false;
        };
    }
}
