package eu.clusternews.registry;

import java.util.ArrayList;
import java.util.Collection;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * A SpecificDatumReader that reads Avro arrays into {@link ArrayList}s instead of {@code GenericData.Array}.
 *
 * <p>Why: {@code GenericData.Array.equals} compares through {@code GenericData.get()}, which has no logical-type
 * conversions, so {@code equals} between two decoded records throws ("Unknown datum type java.time.LocalDate") as soon
 * as an array holds records with date fields (EnrichedNews, ClusterActivity, ... in Avro 1.12.1). With plain lists,
 * equality goes through the generated classes' own {@code equals}, which works. Avro's fast reader builds
 * {@code GenericData.Array}s itself, so the model this reader uses has it turned off ({@link #modelFor}); that
 * costs time (measured: about 1.5-2x per record), so {@link #needsPlainLists} tells when it is needed at all.
 */
final class JavaListSpecificDatumReader<T> extends SpecificDatumReader<T> {

    JavaListSpecificDatumReader(Schema writer, Schema reader, SpecificData model) {
        super(writer, reader, model);
    }

    /**
     * Whether records of this schema hold an array whose elements contain a logical type, the case where
     * {@code GenericData.Array.equals} throws. Arrays of strings, say, compare fine and keep the fast reader.
     */
    static boolean needsPlainLists(Schema schema) {
        return containsArrayWithLogicalTypes(schema, false, new java.util.HashSet<>());
    }

    private static boolean containsArrayWithLogicalTypes(
            Schema schema, boolean insideArray, java.util.Set<String> seen) {
        if (insideArray && schema.getLogicalType() != null) {
            return true;
        }
        return switch (schema.getType()) {
            case RECORD ->
                seen.add(schema.getFullName() + insideArray)
                        && schema.getFields().stream()
                                .anyMatch(field -> containsArrayWithLogicalTypes(field.schema(), insideArray, seen));
            case UNION ->
                schema.getTypes().stream().anyMatch(type -> containsArrayWithLogicalTypes(type, insideArray, seen));
            case ARRAY -> containsArrayWithLogicalTypes(schema.getElementType(), true, seen);
            case MAP -> containsArrayWithLogicalTypes(schema.getValueType(), insideArray, seen);
            default -> false;
        };
    }

    /** A copy of the class's model (same logical-type conversions) with Avro's fast reader turned off. */
    static SpecificData modelFor(Class<?> type) {
        SpecificData classModel = SpecificData.getForClass(type);
        SpecificData model = new SpecificData(type.getClassLoader());
        classModel.getConversions().forEach(model::addLogicalTypeConversion);
        model.setFastReaderEnabled(false);
        return model;
    }

    @Override
    protected Object newArray(Object old, int size, Schema schema) {
        if (old instanceof ArrayList<?> reused) {
            reused.clear();
            return reused;
        }
        return new ArrayList<>(size);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void addToArray(Object array, long pos, Object element) {
        ((Collection<Object>) array).add(element);
    }
}
