package dev.zocket.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Reports diagnostics, each with its {@linkplain Message#kind() kind}, on the narrowest element
 * possible, and remembers whether any errors were reported.
 */
final class Reporter {

    private final Messager messager;
    private int errors;

    Reporter(Messager messager) {
        this.messager = messager;
    }

    /** Reports {@code message} on {@code element}, with the kind the message declares. */
    void error(Element element, Message message, Object... arguments) {
        count(message);
        messager.printMessage(message.kind(), message.format(arguments), positioned(element));
    }

    /** A diagnostic about the compilation as a whole, with no element to place it on. */
    void error(Message message, Object... arguments) {
        count(message);
        messager.printMessage(message.kind(), message.format(arguments));
    }

    void error(Element element, AnnotationMirror annotation, AnnotationValue value, Message message,
            Object... arguments) {
        count(message);
        messager.printMessage(message.kind(), message.format(arguments), element, annotation, value);
    }

    /**
     * Reports a warning on {@code element}. Same as {@link #error(Element, Message, Object...)}, whose
     * message decides the kind; this name says at the call site that compilation goes on.
     */
    void warning(Element element, Message message, Object... arguments) {
        if (message.kind() != Diagnostic.Kind.WARNING) {
            throw new IllegalArgumentException(message + " is not a warning");
        }
        error(element, message, arguments);
    }

    private void count(Message message) {
        if (message.kind() == Diagnostic.Kind.ERROR) {
            errors++;
        }
    }

    /**
     * javac cannot place a diagnostic on a record component; its private field sits at the same
     * position in the source, so report there.
     */
    private static Element positioned(Element element) {
        if (element.getKind() == ElementKind.RECORD_COMPONENT) {
            for (VariableElement field : ElementFilter.fieldsIn(element.getEnclosingElement().getEnclosedElements())) {
                if (field.getSimpleName().contentEquals(element.getSimpleName())) {
                    return field;
                }
            }
        }
        return element;
    }

    /** The number of errors reported so far; compare before and after a step to see if it failed. */
    int errorCount() {
        return errors;
    }
}
