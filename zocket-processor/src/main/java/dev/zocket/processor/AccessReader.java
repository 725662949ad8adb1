package dev.zocket.processor;

import dev.zocket.processor.AccessModel.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads {@code @PermitAll}, {@code @DenyAll} and {@code @RolesAllowed} (package
 * {@code jakarta.annotation.security}) from a contract, by name, so the processor needs no
 * dependency on them. Reports annotations that contradict each other, name no role, or sit where
 * they have no effect: a security annotation the author believes in but Zocket ignores would be a
 * hole nobody sees.
 */
final class AccessReader {

    static final String PERMIT_ALL = "jakarta.annotation.security.PermitAll";
    static final String DENY_ALL = "jakarta.annotation.security.DenyAll";
    static final String ROLES_ALLOWED = "jakarta.annotation.security.RolesAllowed";
    private static final List<String> ALL = List.of(PERMIT_ALL, DENY_ALL, ROLES_ALLOWED);

    private final Elements elements;
    private final Reporter reporter;

    AccessReader(Elements elements, Reporter reporter) {
        this.elements = elements;
        this.reporter = reporter;
    }

    /**
     * The rules of {@code contract} and of {@code methods}, its RPC methods. As in Jakarta EE, a
     * method without an annotation of its own follows the interface that declares it: a method
     * inherited from an annotated superinterface follows that superinterface, any other the contract.
     */
    AccessModel read(TypeElement contract, List<ExecutableElement> methods) {
        Rule contractRule = ruleOf(contract);
        Map<Element, Rule> declaringRules = new HashMap<>();
        Map<String, Rule> methodRules = new LinkedHashMap<>();
        for (ExecutableElement method : methods) {
            Rule rule = ruleOf(method);
            Element declaring = method.getEnclosingElement();
            if (rule.kind() == AccessModel.Kind.UNRESTRICTED && !declaring.equals(contract)) {
                rule = declaringRules.computeIfAbsent(declaring, this::ruleOf);
            }
            if (rule.kind() != AccessModel.Kind.UNRESTRICTED) {
                methodRules.put(method.getSimpleName().toString(), rule);
            }
        }
        return new AccessModel(contractRule, methodRules);
    }

    /** Reports a security annotation on the events interface or one of its methods. */
    void checkEvents(TypeElement events) {
        String why = "events go to every subscriber of the instance, and subscribing follows the contract interface's rule";
        reportMeaningless(events, why);
        for (ExecutableElement method : ElementFilter.methodsIn(events.getEnclosedElements())) {
            reportMeaningless(method, why);
        }
    }

    /** Reports a security annotation on a record of the contract or one of its accessors. */
    void checkRecord(TypeElement record) {
        String why = "records are data, and Zocket checks roles only when a method is called or an instance subscribed";
        reportMeaningless(record, why);
        for (ExecutableElement method : ElementFilter.methodsIn(record.getEnclosedElements())) {
            reportMeaningless(method, why);
        }
    }

    private void reportMeaningless(Element element, String why) {
        for (String name : present(element)) {
            reporter.error(element, Message.ACCESS_MEANINGLESS, simpleName(name), element.getSimpleName(), why);
        }
    }

    private Rule ruleOf(Element element) {
        List<String> present = present(element);
        if (present.isEmpty()) {
            return Rule.UNRESTRICTED;
        }
        if (present.size() > 1) {
            List<String> written = present.stream().map(n -> "@" + simpleName(n)).toList();
            reporter.error(element, Message.ACCESS_CONFLICT, element.getSimpleName(), String.join(" and ", written));
            return Rule.UNRESTRICTED;
        }
        return switch (present.get(0)) {
            case PERMIT_ALL -> Rule.PERMIT_ALL;
            case DENY_ALL -> Rule.DENY_ALL;
            default -> rolesAllowed(element);
        };
    }

    private Rule rolesAllowed(Element element) {
        AnnotationMirror annotation = Annotations.find(element, ROLES_ALLOWED).orElseThrow();
        AnnotationValue value = Annotations.value(elements, annotation, "value");
        @SuppressWarnings("unchecked")
        List<? extends AnnotationValue> written = (List<? extends AnnotationValue>) value.getValue();
        Set<String> roles = new LinkedHashSet<>();
        for (AnnotationValue role : written) {
            String name = (String) role.getValue();
            if (name.isBlank()) {
                reporter.error(element, annotation, role, Message.ACCESS_ROLE_BLANK, element.getSimpleName());
                return Rule.UNRESTRICTED;
            }
            roles.add(name);
        }
        if (roles.isEmpty()) {
            reporter.error(element, annotation, value, Message.ACCESS_ROLES_EMPTY, element.getSimpleName());
            return Rule.UNRESTRICTED;
        }
        return Rule.rolesAllowed(new ArrayList<>(roles));
    }

    /** The qualified names of the security annotations on {@code element}, in a fixed order. */
    private static List<String> present(Element element) {
        return ALL.stream().filter(name -> Annotations.find(element, name).isPresent()).toList();
    }

    private static String simpleName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }
}
