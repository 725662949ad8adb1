package dev.zocket.json;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

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

    private static final ConcurrentMap<Class<?>, Boolean> DEFAULTED = new ConcurrentHashMap<>();

    private SealedRecords() {}

    /**
     * Whether {@code type} is a sealed interface of records without {@code @JsonTypeInfo}, or a
     * record directly permitted by one.
     */
    public static boolean usesDefaultDiscriminator(Class<?> type) {
        return DEFAULTED.computeIfAbsent(type, SealedRecords::computeUsesDefault);
    }

    private static boolean computeUsesDefault(Class<?> type) {
        if (isUnannotatedSealedInterfaceOfRecords(type)) {
            return true;
        }
        if (!type.isRecord() || type.isAnnotationPresent(JsonTypeInfo.class)) {
            return false;
        }
        for (Class<?> parent : type.getInterfaces()) {
            if (isUnannotatedSealedInterfaceOfRecords(parent)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnannotatedSealedInterfaceOfRecords(Class<?> type) {
        if (!type.isInterface() || !type.isSealed() || type.isAnnotationPresent(JsonTypeInfo.class)) {
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
