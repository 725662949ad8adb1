package dev.zocket.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/** Reports errors on the narrowest element possible and remembers whether any were reported. */
final class Reporter {

    private final Messager messager;
    private int errors;

    Reporter(Messager messager) {
        this.messager = messager;
    }

    void error(Element element, Message message, Object... arguments) {
        errors++;
        messager.printMessage(Diagnostic.Kind.ERROR, message.format(arguments), positioned(element));
    }

    /** An error about the compilation as a whole, with no element to place it on. */
    void error(Message message, Object... arguments) {
        errors++;
        messager.printMessage(Diagnostic.Kind.ERROR, message.format(arguments));
    }

    void error(Element element, AnnotationMirror annotation, AnnotationValue value, Message message,
            Object... arguments) {
        errors++;
        messager.printMessage(Diagnostic.Kind.ERROR, message.format(arguments), element, annotation, value);
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
