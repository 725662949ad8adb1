package dev.zocket.json;

import java.util.Iterator;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.ser.PropertyWriter;

/**
 * Writes a record that is a variant of a sealed interface with the interface's discriminator,
 * however the record is reached: as a member declared with the interface type, on its own, or
 * inside a {@code List} or {@code Map} written without element types (a whole list in a JSON
 * Patch value, say). Jackson alone writes the discriminator only when the declared type is the
 * interface, so the same record would otherwise have two JSON forms.
 */
final class VariantSerializer extends ValueSerializer<Object> {

    private final ValueSerializer<Object> delegate;
    private final Class<?> sealedInterface;
    /** The interface's type serializer, found once: serializers belong to one mapper, whose configuration is fixed. */
    private volatile TypeSerializer discriminator;

    @SuppressWarnings("unchecked")
    VariantSerializer(ValueSerializer<?> delegate, Class<?> sealedInterface) {
        this.delegate = (ValueSerializer<Object>) delegate;
        this.sealedInterface = sealedInterface;
    }

    @Override
    public void resolve(SerializationContext context) {
        delegate.resolve(context);
    }

    @Override
    public ValueSerializer<?> createContextual(SerializationContext context, BeanProperty property) {
        ValueSerializer<?> contextual = delegate.createContextual(context, property);
        return contextual == delegate ? this : new VariantSerializer(contextual, sealedInterface);
    }

    @Override
    public void serialize(Object value, JsonGenerator generator, SerializationContext context) throws JacksonException {
        serializeWithType(value, generator, context, null);
    }

    /** Always the interface's discriminator, so that the variant has one JSON form. */
    @Override
    public void serializeWithType(Object value, JsonGenerator generator, SerializationContext context,
            TypeSerializer declared) throws JacksonException {
        TypeSerializer discriminator = this.discriminator;
        if (discriminator == null) {
            discriminator = context.findTypeSerializer(context.constructType(sealedInterface));
            this.discriminator = discriminator;
        }
        if (discriminator == null) {
            delegate.serialize(value, generator, context);
        } else {
            delegate.serializeWithType(value, generator, context, discriminator);
        }
    }

    @Override
    public Class<?> handledType() {
        return delegate.handledType();
    }

    @Override
    public boolean usesObjectId() {
        return delegate.usesObjectId();
    }

    @Override
    public boolean isEmpty(SerializationContext context, Object value) {
        return delegate.isEmpty(context, value);
    }

    @Override
    public Iterator<PropertyWriter> properties() {
        return delegate.properties();
    }

    @Override
    public ValueSerializer<?> getDelegatee() {
        return delegate;
    }

    @Override
    public void acceptJsonFormatVisitor(JsonFormatVisitorWrapper visitor, JavaType type) {
        delegate.acceptJsonFormatVisitor(visitor, type);
    }
}
