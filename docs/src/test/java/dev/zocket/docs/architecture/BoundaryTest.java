package dev.zocket.docs.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The API boundary of docs/architecture.md ("Modules and packages"), enforced. The rules speak of
 * package patterns only, never class names, so that renaming inside an internal package needs no
 * change here.
 *
 * <p>Checked: the library modules (core, server, client, test kit), the example, and this
 * module's snippets, which are written as users write code.
 */
class BoundaryTest {

    /** Packages whose public types are not API. */
    private static final String INTERNAL = "..internal..";

    /** Modules that may use another module's internal packages: they are part of the project. */
    private static final List<String> FRIENDS = List.of("dev.zocket.testkit..", "dev.zocket.bench..");

    /** Code that is not a library: applications and documentation, which only use the API. */
    private static final String[] NOT_LIBRARY = {"dev.zocket.example..", "dev.zocket.bench..", "dev.zocket.docs..",
        "dev.zocket.processor.."};


    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.zocket");

    private static final JavaClasses ALL = new ClassFileImporter().importPackages("dev.zocket");

    @Test
    void theImportSeesEveryLibraryModuleAndTheExample() {
        for (String module : List.of("dev.zocket", "dev.zocket.server", "dev.zocket.client", "dev.zocket.testkit",
                "dev.zocket.server.internal.host", "dev.zocket.example.draw")) {
            if (!MAIN.containPackage(module)) {
                throw new AssertionError("No classes found in " + module + ": the rules below would check nothing");
            }
        }
    }

    @Test
    void publicApiSignaturesNeverMentionAnInternalType() {
        ArchRule rule = classes()
                .that().resideInAPackage("dev.zocket..")
                .and().resideOutsideOfPackages(NOT_LIBRARY)
                .and().resideOutsideOfPackage(INTERNAL)
                .and(areApi())
                .should(exposeNoInternalType())
                .because("users cannot rely on an internal type, so API must not hand them one");
        rule.check(MAIN);
    }

    @Test
    void onlyTheOwnerAndItsFriendsUseAnInternalPackage() {
        ArchRule rule = classes()
                .should(useOnlyTheirOwnModulesInternals())
                .because("internal packages change without notice; only their module, the test kit and the"
                        + " benchmarks may use them");
        rule.check(ALL);
    }

    @Test
    void spiHoldsOnlyWhatGeneratedCodeAndExtensionsImplement() {
        ArchRule rule = classes()
                .that().resideInAPackage("..spi..")
                .should(beAnExtensionPoint())
                .because("an spi package is the contract generated code and extensions implement,"
                        + " not a place for implementations");
        rule.check(MAIN);
    }

    @Test
    void onlyPrometheusHoldersTouchTheOptionalPrometheusRegistry() {
        ArchRule rule = noClasses()
                .that().resideInAPackage("dev.zocket..")
                .and().resideOutsideOfPackages(NOT_LIBRARY)
                .and().haveSimpleNameNotEndingWith("Prometheus")
                .should().dependOnClassesThat().resideInAPackage("io.micrometer.prometheusmetrics..")
                .because("micrometer-registry-prometheus is optional: only a nested holder class, loaded"
                        + " after checking the class path, may link to it");
        rule.check(MAIN);
    }

    private static DescribedPredicate<JavaClass> areApi() {
        return DescribedPredicate.describe("are public API", BoundaryTest::isApi);
    }

    /** Public, and so are all classes enclosing it. */
    private static boolean isApi(JavaClass type) {
        Optional<JavaClass> current = Optional.of(type);
        while (current.isPresent()) {
            JavaClass each = current.get();
            if (!each.getModifiers().contains(JavaModifier.PUBLIC) || each.isAnonymousClass() || each.isLocalClass()) {
                return false;
            }
            current = each.getEnclosingClass();
        }
        return true;
    }

    private static boolean isVisible(JavaMember member) {
        Set<JavaModifier> modifiers = member.getModifiers();
        boolean subclassable = !member.getOwner().getModifiers().contains(JavaModifier.FINAL)
                && !member.getOwner().isRecord() && !member.getOwner().isEnum();
        return modifiers.contains(JavaModifier.PUBLIC) || (subclassable && modifiers.contains(JavaModifier.PROTECTED));
    }

    private static boolean isInternal(JavaClass type) {
        return type.getPackageName().contains(".internal");
    }

    private static ArchCondition<JavaClass> exposeNoInternalType() {
        return new ArchCondition<>("expose no internal type in a public or protected signature") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                List<String> problems = new ArrayList<>();
                checkTypes(type.getName() + " extends or implements",
                        supertypes(type), problems);
                for (JavaField field : type.getFields()) {
                    if (isVisible(field)) {
                        checkTypes(field.getFullName(), List.of(field.getType()), problems);
                    }
                }
                for (JavaCodeUnit unit : type.getCodeUnits()) {
                    if (!isVisible(unit) || unit.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                        continue;
                    }
                    List<JavaType> mentioned = new ArrayList<>(unit.getParameterTypes());
                    mentioned.add(unit.getReturnType());
                    unit.getThrowsClause().getTypes().forEach(mentioned::add);
                    checkTypes(unit.getFullName(), mentioned, problems);
                }
                for (String problem : problems) {
                    events.add(SimpleConditionEvent.violated(type, problem));
                }
            }
        };
    }

    private static List<JavaType> supertypes(JavaClass type) {
        List<JavaType> supertypes = new ArrayList<>();
        type.getSuperclass().ifPresent(supertypes::add);
        supertypes.addAll(type.getInterfaces());
        return supertypes;
    }

    private static void checkTypes(String where, List<JavaType> types, List<String> problems) {
        for (JavaType mentioned : types) {
            for (JavaClass involved : mentioned.getAllInvolvedRawTypes()) {
                if (isInternal(involved)) {
                    problems.add(where + " mentions internal " + involved.getName());
                }
            }
        }
    }

    /** The module prefix of an internal package: {@code dev.zocket.server} for {@code dev.zocket.server.internal.host}. */
    private static String ownerOf(String internalPackage) {
        return internalPackage.substring(0, internalPackage.indexOf(".internal"));
    }

    private static boolean isFriend(JavaClass type) {
        return FRIENDS.stream().anyMatch(friend ->
                type.getPackageName().startsWith(friend.substring(0, friend.length() - 2)));
    }

    private static ArchCondition<JavaClass> useOnlyTheirOwnModulesInternals() {
        return new ArchCondition<>("use only their own module's internal packages, unless they are friends") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (isFriend(type)) {
                    return;
                }
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (!target.getPackageName().startsWith("dev.zocket.") || !isInternal(target)) {
                        continue;
                    }
                    String owner = ownerOf(target.getPackageName());
                    boolean sameModule = type.getPackageName().equals(owner)
                            || type.getPackageName().startsWith(owner + ".");
                    if (!sameModule) {
                        events.add(SimpleConditionEvent.violated(type, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> beAnExtensionPoint() {
        return new ArchCondition<>("be an interface, record, enum or annotation, or a class nobody can"
                + " instantiate or use as an implementation of the spi") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (type.isInterface() || type.isRecord() || type.isEnum() || type.isAnnotation()) {
                    return;
                }
                if (type.isAnonymousClass() || type.isLocalClass() || !isApi(type)) {
                    return; // a private helper of an spi type, not a type of the spi itself
                }
                for (JavaConstructor constructor : type.getConstructors()) {
                    if (isVisible(constructor)) {
                        events.add(SimpleConditionEvent.violated(type, type.getName()
                                + " can be instantiated: an implementation belongs outside spi"));
                    }
                }
                for (JavaClass implemented : type.getAllRawInterfaces()) {
                    // A permitted variant of a sealed spi type is part of that type's vocabulary.
                    if (implemented.getPackageName().contains(".spi") && !implemented.reflect().isSealed()) {
                        events.add(SimpleConditionEvent.violated(type, type.getName() + " implements "
                                + implemented.getName() + ": an implementation belongs outside spi"));
                    }
                }
            }
        };
    }
}
