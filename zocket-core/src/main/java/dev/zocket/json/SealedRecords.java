package dev.zocket.json;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Zocket's default JSON for sealed interfaces of records that declare no {@code @JsonTypeInfo}:
 * a {@code "type"} property holding the variant's simple name, before the record's members.
 *
 * <pre>{@code
 * sealed interface Shape permits Circle, Square {}
 * record Circle(double radius) implements Shape {}
 *
 * {"type":"Circle","radius":2.0}
 * }</pre>
 *
 * <p>The variant carries the discriminator wherever it is written, also on its own (as a value
 * in a JSON Patch, say), so that the state differ's values match the snapshot. Each variant's
 * simple name must be unique within its interface; {@code @JsonTypeName} on a variant renames it.
 * An interface with {@code @JsonTypeInfo} is left to Jackson entirely.
 */
public final class SealedRecords {

    /** The property holding the variant's name. */
    public static final String DISCRIMINATOR = "type";

    static final JsonTypeInfo.Value DEFAULT_TYPE_INFO =
            JsonTypeInfo.Value.construct(JsonTypeInfo.Id.NAME, JsonTypeInfo.As.PROPERTY, DISCRIMINATOR, null, false,
                    null, null);

    private SealedRecords() {}

    /** Whether {@code type} is a sealed interface of records without {@code @JsonTypeInfo}. */
    public static boolean usesDefaultDiscriminator(Class<?> type) {
        return isSealedInterfaceOfRecords(type) && !type.isAnnotationPresent(JsonTypeInfo.class);
    }

    /** Whether {@code type} is a record directly permitted by a sealed interface without {@code @JsonTypeInfo}. */
    static boolean isDefaultVariant(Class<?> type) {
        Class<?> parent = sealedParent(type);
        return parent != null && usesDefaultDiscriminator(parent) && !type.isAnnotationPresent(JsonTypeInfo.class);
    }

    /** The sealed interface of records that permits the record {@code type}, or {@code null}. */
    static Class<?> sealedParent(Class<?> type) {
        if (!type.isRecord()) {
            return null;
        }
        for (Class<?> parent : type.getInterfaces()) {
            if (isSealedInterfaceOfRecords(parent)) {
                return parent;
            }
        }
        return null;
    }

    private static boolean isSealedInterfaceOfRecords(Class<?> type) {
        if (!type.isInterface() || !type.isSealed()) {
            return false;
        }
        for (Class<?> variant : type.getPermittedSubclasses()) {
            if (!variant.isRecord()) {
                return false;
            }
        }
        return true;
    }
}
