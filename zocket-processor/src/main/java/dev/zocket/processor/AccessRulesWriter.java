package dev.zocket.processor;

import static dev.zocket.processor.ZocketTypes.*;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.zocket.processor.AccessModel.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes the binding's nested {@code Access} class, the {@code AccessRules} of the contract's
 * security annotations: {@code call} is a switch over the annotated methods (the others fall to
 * the interface's rule), and each distinct role set is a constant named after its first user.
 */
final class AccessRulesWriter {

    private static final String CONTRACT = "CONTRACT";

    private final ActorModel model;
    private final AccessModel access;
    /** The constant holding each distinct {@code @RolesAllowed} set, in order of first use. */
    private final Map<List<String>, String> roleConstants = new LinkedHashMap<>();

    AccessRulesWriter(ActorModel model) {
        this.model = model;
        this.access = model.access();
    }

    TypeSpec write() {
        TypeSpec.Builder type = TypeSpec.classBuilder("Access")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(ACCESS_RULES)
                .addJavadoc("The role rules of {@link $T}'s security annotations.\n", model.contractName())
                .addField(FieldSpec.builder(model.bindingName().nestedClass("Access"), "INSTANCE",
                                Modifier.STATIC, Modifier.FINAL)
                        .initializer("new Access()")
                        .build());
        nameRoleSets();
        roleConstants.forEach((roles, constant) -> type.addField(FieldSpec.builder(ROLE_RULE, constant,
                        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.rolesAllowed($T.of($L))", ROLE_RULE, SET,
                        CodeBlock.join(roles.stream().map(r -> CodeBlock.of("$S", r)).toList(), ", "))
                .build()));
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        type.addMethod(MethodSpec.methodBuilder("call")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ROLE_RULE)
                .addParameter(String.class, "method")
                .addCode(callSwitch())
                .build());
        type.addMethod(MethodSpec.methodBuilder("subscribe")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ROLE_RULE)
                .addStatement("return $L", expression(access.contractRule()))
                .build());
        return type.build();
    }

    private void nameRoleSets() {
        if (access.contractRule().kind() == AccessModel.Kind.ROLES_ALLOWED) {
            roleConstants.put(access.contractRule().roles(), CONTRACT + "_ROLES");
        }
        access.methodRules().forEach((method, rule) -> {
            if (rule.kind() == AccessModel.Kind.ROLES_ALLOWED) {
                roleConstants.putIfAbsent(rule.roles(), constantName(method) + "_ROLES");
            }
        });
    }

    /** {@code return switch (method) { case "a", "b" -> X; default -> contract rule; };} */
    private CodeBlock callSwitch() {
        Map<Rule, List<String>> methodsByRule = new LinkedHashMap<>();
        access.methodRules().forEach((method, rule) ->
                methodsByRule.computeIfAbsent(rule, r -> new ArrayList<>()).add(method));
        CodeBlock.Builder code = CodeBlock.builder().add("return switch (method) {\n").indent();
        methodsByRule.forEach((rule, methods) -> code.add("case $L -> $L;\n",
                CodeBlock.join(methods.stream().map(m -> CodeBlock.of("$S", m)).toList(), ", "), expression(rule)));
        code.add("default -> $L;\n", expression(access.contractRule()));
        return code.unindent().add("};\n").build();
    }

    private CodeBlock expression(Rule rule) {
        return switch (rule.kind()) {
            case UNRESTRICTED -> CodeBlock.of("$T.unrestricted()", ROLE_RULE);
            case PERMIT_ALL -> CodeBlock.of("$T.permitAll()", ROLE_RULE);
            case DENY_ALL -> CodeBlock.of("$T.denyAll()", ROLE_RULE);
            case ROLES_ALLOWED -> CodeBlock.of("$L", roleConstants.get(rule.roles()));
        };
    }
}
