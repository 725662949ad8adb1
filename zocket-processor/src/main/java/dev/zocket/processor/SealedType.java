package dev.zocket.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * A sealed interface whose permitted subtypes are records: a JSON object of the variant's members
 * plus a discriminator property naming the variant. The discriminator is Jackson's
 * {@code @JsonTypeInfo} when the interface has one, else Zocket's default, a {@code "type"}
 * property holding the record's simple name (see {@code JsonCodec}).
 *
 * <p>The differ replaces the value when the variant changes and diffs member by member within
 * one variant. Variants are filled in after construction, so that a variant may hold its own
 * interface ({@code sealed interface Expr permits Sum, Num; record Sum(List<Expr> terms)}).
 */
final class SealedType implements ValueType {

    /** The property Zocket writes the variant's simple name into when no {@code @JsonTypeInfo} is declared. */
    static final String DEFAULT_DISCRIMINATOR = "type";

    private final TypeElement element;
    private final ClassName typeName;
    private final Optional<String> discriminator;
    private List<RecordType> variants = List.of();

    /**
     * @param discriminator the JSON property naming the variant, or empty when Jackson deduces the
     *     variant from its members ({@code Id.DEDUCTION}) or a member of the record carries it
     */
    SealedType(TypeElement element, Optional<String> discriminator) {
        this.element = element;
        this.typeName = ClassName.get(element);
        this.discriminator = discriminator;
    }

    TypeElement element() {
        return element;
    }

    @Override
    public ClassName typeName() {
        return typeName;
    }

    Optional<String> discriminator() {
        return discriminator;
    }

    /** The permitted records, in the order of the {@code permits} clause. */
    List<RecordType> variants() {
        return variants;
    }

    void setVariants(List<RecordType> variants) {
        this.variants = List.copyOf(variants);
    }

    @Override
    public boolean isLeaf() {
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealedType other && typeName.equals(other.typeName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(typeName);
    }

    @Override
    public String toString() {
        return typeName.canonicalName();
    }
}
