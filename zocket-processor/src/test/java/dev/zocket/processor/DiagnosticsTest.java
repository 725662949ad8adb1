package dev.zocket.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One failing compilation per check: each asserts the exact message and where it lands. The
 * erroneous contracts live in {@code src/test/resources/bad/test}.
 */
class DiagnosticsTest {

    private static JavaFileObject source(String name) {
        return JavaFileObjects.forResource("bad/test/" + name + ".java");
    }

    private static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new ZocketProcessor()).compile(sources);
    }

    private static void assertError(String file, String message, String lineContaining) {
        JavaFileObject source = source(file);
        Compilation compilation = compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(lineContaining);
    }

    /** Like {@link #assertError}, and the error points at {@code at}, its first occurrence in that line. */
    private static void assertErrorAt(String file, String message, String lineContaining, String at) {
        JavaFileObject source = source(file);
        Compilation compilation = compile(source);
        assertThat(compilation).failed();
        List<String> lines = lines(source);
        int line = 0;
        while (!lines.get(line).contains(lineContaining)) {
            line++;
        }
        assertThat(compilation).hadErrorContaining(message).inFile(source).onLine(line + 1)
                .atColumn(lines.get(line).indexOf(lineContaining) + lineContaining.indexOf(at) + 1);
    }

    private static List<String> lines(JavaFileObject source) {
        try {
            return source.getCharContent(false).toString().lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void actorMustBeAnInterface() {
        assertError("ErroneousActorOnClass", "@Actor must annotate an interface, but ErroneousActorOnClass is a class."
                + " Declare the contract as an interface and implement it in a class on the server.",
                "public class ErroneousActorOnClass");
    }

    @Test
    void actorMustBePublic() {
        assertError("ErroneousNotPublic", "Actor contract ErroneousNotPublic must be public, and so must every type"
                + " enclosing it, because generated code and clients in other packages use it. Add the public modifier.",
                "interface ErroneousNotPublic");
    }

    @Test
    void actorMustNotBeGeneric() {
        assertErrorAt("ErroneousGeneric", "Actor contract ErroneousGeneric must not declare type parameters: the wire"
                + " protocol cannot carry them. Use concrete record types.", "public interface ErroneousGeneric<T>", "T>");
    }

    @Test
    void actorNameMustBeValid() {
        assertError("ErroneousName", "Actor name \"chat room\" is not valid. Use letters, digits, '_', '-' or '.',"
                + " starting with a letter, like \"chat\" or \"gameMatch\".", "@Actor(\"chat room\")");
    }

    @Test
    void actorNamesMustBeUnique() {
        JavaFileObject source = source("ErroneousDuplicateName");
        Compilation compilation = compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("Actor name \"chat\" is already used by"
                + " test.ErroneousDuplicateName.First. Each actor needs its own name.").inFile(source).onLine(11);
    }

    @Test
    void actorNeedsAState() {
        assertError("ErroneousNoState", "Actor ErroneousNoState has no state. Declare a nested record named State"
                + " (it may be empty: record State() {}), or name the state record with @Actor(state = ...).",
                "public interface ErroneousNoState");
    }

    @Test
    void stateMustBeARecord() {
        assertError("ErroneousStateClass", "The state of actor ErroneousStateClass must be a record, but State is a"
                + " class. Declare it as a record.", "final class State");
    }

    @Test
    void methodTakesAtMostOneParameter() {
        assertErrorAt("ErroneousTwoParameters", "Method add has 2 parameters, but an actor method takes at most one:"
                + " a record. Put the values in a record, e.g. record AddInput(...), and take that.",
                "void add(By first, By second);", "second");
    }

    @Test
    void methodParameterMustBeARecord() {
        assertError("ErroneousParameterNotRecord", "Parameter amount of method add has type int, but an actor"
                + " method's input must be a record (or a sealed interface of records), so that it travels as a JSON"
                + " object. Wrap it, e.g. record AddInput(int amount).", "void add(int amount);");
    }

    @Test
    void methodMustNotBeGeneric() {
        assertErrorAt("ErroneousGenericMethod", "Method add must not declare type parameters: the wire protocol cannot"
                + " carry them.", "<T> void add();", "T>");
    }

    @Test
    void methodMustNotHaveABody() {
        assertError("ErroneousDefaultMethod", "Method twice is a default method, but actor methods are implemented"
                + " on the server. Remove the body, or move the logic to the implementation class.",
                "default int twice()");
    }

    @Test
    void methodNamesMustBeUnique() {
        assertError("ErroneousOverload", "Method name add is declared more than once. RPC methods are called by"
                + " name, so overloading is not possible. Rename one of them.", "void add(By by);");
    }

    @Test
    void methodNameMustNotCollideWithTheHandle() {
        assertError("ErroneousReservedName", "Method name state collides with state(), the state view on the"
                + " generated handle. Rename the method.", "int state();");
    }

    @Test
    void methodNameMustNotCollideWithTheConditionalVariant() {
        assertError("ErroneousReservedConditionalName", "Method name withBaseVersion collides with withBaseVersion(long),"
                + " the conditional variant of every call on the generated handle. Rename the method.",
                "void withBaseVersion(Version version);");
    }

    @Test
    void completionStageNeedsAResultType() {
        assertError("ErroneousRawStage", "Method later returns a raw CompletionStage. Give its result type, e.g."
                + " CompletionStage<Void> for no result.", "CompletionStage later();");
    }

    @Test
    void stateSetsHoldOnlyScalarsOrEnums() {
        assertError("ErroneousSetInState", "Component tags of ErroneousSetInState.State has type"
                + " Set<ErroneousSetInState.Tag>, which the state differ cannot handle: in state a Set may only hold"
                + " scalars or enums, whose JSON array the differ keeps in the set's order. Use"
                + " List<ErroneousSetInState.Tag>, or a Map keyed by the element's id.", "record State(Set<Tag> tags)");
    }

    @Test
    void mapKeysMustBeStringsEnumsUuidsOrIntegers() {
        assertError("ErroneousMapKey", "Component byScore of ErroneousMapKey.State has type Map<Double, String>, which"
                + " the state differ cannot handle: JSON object keys are strings, and Zocket writes only String, enum,"
                + " UUID, Integer and Long keys as strings it can follow. Use one of those as the key.",
                "record State(Map<Double, String> byScore)");
    }

    @Test
    void enumMapKeysMustKeepTheirJsonNames() {
        assertError("ErroneousEnumKeyJsonValue", "Component counts of ErroneousEnumKeyJsonValue.State has type"
                + " Map<ErroneousEnumKeyJsonValue.Color, Integer>, which the state differ cannot handle: the enum's JSON"
                + " names are changed by @JsonValue on code, which Zocket cannot follow for map keys. Remove it"
                + " (renaming constants with @JsonProperty is supported), or key the map by String.",
                "record State(Map<Color, Integer> counts)");
    }

    @Test
    void messagesMustNotHoldPlainClasses() {
        assertError("ErroneousClassInInput", "Component total of ErroneousClassInInput.Order has type"
                + " ErroneousClassInInput.Money, which Zocket cannot encode: it is not a record, sealed interface of"
                + " records, enum, List, Set, Map, Optional or scalar, so its JSON shape is unknown. Use a record.",
                "record Order(Money total)");
    }

    @Test
    void stateMustNotHoldObjectArrays() {
        assertError("ErroneousObjectArray", "Component names of ErroneousObjectArray.State has type String[], which"
                + " the state differ cannot handle: arrays of objects have no element type Zocket can follow. Use"
                + " List<String> instead.", "record State(String[] names)");
    }

    @Test
    void optionalOfOptionalIsAmbiguous() {
        assertError("ErroneousNestedOptional", "Component nickname of ErroneousNestedOptional.State has type"
                + " Optional<Optional<String>>, which the state differ cannot handle: an Optional of an Optional encodes"
                + " both kinds of empty as null, so clients cannot tell them apart. Use a single Optional, or a record"
                + " or enum that names each case.", "record State(Optional<Optional<String>> nickname)");
    }

    @Test
    void stateMustNotUseJsonIgnore() {
        assertError("ErroneousJsonIgnoreInState", "Component secret of ErroneousJsonIgnoreInState.State is annotated"
                + " @JsonIgnore, which leaves the member out of the JSON, so the state differ's patches would not match"
                + " the JSON clients hold. Remove the annotation: state JSON follows the record components (renames"
                + " with @JsonProperty are followed).", "record State(int count, @JsonIgnore String secret)");
    }

    @Test
    void stateMustNotUseJackson3Serializers() {
        assertError("ErroneousJsonSerializeJackson3", "Component messageCount of ErroneousJsonSerializeJackson3.State is"
                + " annotated @JsonSerialize, which hands the member to a serializer of its own, so the state differ's"
                + " patches would not match the JSON clients hold.", "int messageCount");
    }

    @Test
    void stateMustNotUseNamingStrategies() {
        assertError("ErroneousJsonNaming", "Record ErroneousJsonNaming.Stats is annotated @JsonNaming, which renames"
                + " every member with a naming strategy, so the state differ's patches would not match the JSON clients"
                + " hold.", "record Stats(int messageCount)");
    }

    @Test
    void stateMustNotHideJsonIgnoreInABundle() {
        assertError("ErroneousBundledJsonIgnore", "Component secret of ErroneousBundledJsonIgnore.State is annotated"
                + " @JsonIgnore, which leaves the member out of the JSON", "record State(int count, @Hidden String secret)");
    }

    @Test
    void stateRecordsMustNotHaveGetters() {
        assertError("ErroneousGetterInState", "Method getDoubled of ErroneousGetterInState.State looks like a getter,"
                + " so Jackson writes it as a member of the state JSON that the state differ never patches. Annotate it"
                + " @JsonIgnore, or rename it so that it is not a getter.", "public int getDoubled()");
    }

    @Test
    void sealedVariantsMustBeRecords() {
        assertError("ErroneousSealedClassVariant", "Sealed interface ErroneousSealedClassVariant.Phase permits"
                + " ErroneousSealedClassVariant.Playing, which is a class. Every variant of a sealed interface Zocket"
                + " encodes must be a record.", "sealed interface Phase");
    }

    @Test
    void sealedTypeInfoMustKeepMembersInTheObject() {
        assertError("ErroneousWrapperTypeInfo", "@JsonTypeInfo on ErroneousWrapperTypeInfo.Shape uses include ="
                + " As.WRAPPER_OBJECT, which moves the variant's members or its discriminator out of the object the"
                + " differ patches. Use include = As.PROPERTY (the default), or remove @JsonTypeInfo for Zocket's"
                + " default: a \"type\" property holding the record's simple name.", "sealed interface Shape");
    }

    @Test
    void jsonSubTypesMustListEveryVariant() {
        assertError("ErroneousIncompleteSubTypes", "@JsonSubTypes on ErroneousIncompleteSubTypes.Phase does not list"
                + " ErroneousIncompleteSubTypes.Playing, so Jackson writes that variant but cannot read it back. Add"
                + " @JsonSubTypes.Type(Playing.class), or remove @JsonSubTypes: Jackson finds the permitted records"
                + " itself.", "sealed interface Phase");
    }

    @Test
    void variantMembersMustNotClashWithTheDiscriminator() {
        assertError("ErroneousDiscriminatorClash", "Component type of ErroneousDiscriminatorClash.Image is written as"
                + " \"type\", the discriminator property of ErroneousDiscriminatorClash.Message, so the JSON would have"
                + " two members of that name.", "record Image(String url, String type)");
    }

    @Test
    void longValuesReadByClientsAreWarnedAbout() {
        JavaFileObject source = source("WarningLongInState");
        Compilation compilation = compile(source);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("Component id of WarningLongInState.Entry is a long, which"
                + " JavaScript clients read as a double: integers beyond 2^53 lose precision there without any error."
                + " Keep values within +/-2^53 (9007199254740991), or send them as a String. If every client is Java,"
                + " or the values stay small, silence this with @SuppressWarnings(\"zocket:precision\").")
                .inFile(source).onLineContaining("record Entry(long id");
    }

    @Test
    void onlyOneEventsInterface() {
        assertError("ErroneousTwoEventInterfaces", "Actor ErroneousTwoEventInterfaces declares more than one events"
                + " interface (Events and MoreEvents). Declare all events in one: a nested interface named Events, or"
                + " one annotated @Events.", "interface MoreEvents");
    }

    @Test
    void eventsMustAnnotateAnInterface() {
        assertError("ErroneousEventsOnClass", "@Events must annotate an interface, but Notifications is a class.",
                "final class Notifications");
    }

    @Test
    void eventsMustBeNestedInAnActor() {
        assertError("ErroneousEventsNotNested", "@Events interface ErroneousEventsNotNested must be nested in an"
                + " @Actor interface, whose events it declares.", "public interface ErroneousEventsNotNested");
    }

    @Test
    void eventMethodsReturnVoidAndTakeOneRecord() {
        assertError("ErroneousEventSignature", "Event method ping must return void and take exactly one parameter,"
                + " a record: the payload. For example: void ping(Ping payload).", "String ping(String from);");
    }

    @Test
    void eventNamesMustBeUnique() {
        assertError("ErroneousDuplicateEvent", "Event name ping is declared more than once. Events are delivered by"
                + " name; rename one of them.", "void ping(Pong pong);");
    }

    @Test
    void eventListenerMustNotCollideWithAMethod() {
        assertError("ErroneousListenerCollision", "Event ping generates the handle method onPing, which collides"
                + " with the actor method of the same name. Rename the event or the method.", "void ping(Ping ping);");
    }

    @Test
    void generatedNamesMustBeFree() {
        assertError("ErroneousGeneratedCollision", "Type test.ErroneousGeneratedCollisionHandle already exists, but"
                + " Zocket generates it for actor ErroneousGeneratedCollision. Rename the existing type or the actor"
                + " interface.", "public interface ErroneousGeneratedCollision {");
    }

    @Test
    void nestedConstrainedRecordsNeedValid() {
        assertError("ErroneousMissingValid", "Component strokes of ErroneousMissingValid.Draw holds"
                + " ErroneousMissingValid.Stroke, whose constraints Bean Validation only checks when the component is"
                + " annotated @Valid, so they would be ignored. Add @Valid to the component (for a container, on the"
                + " type argument: List<@Valid Stroke>).", "record Draw(List<Stroke> strokes)");
    }

    @Test
    void sealedInterfacesWithConstrainedVariantsNeedValid() {
        assertError("ErroneousMissingValidOnSealed", "Component shapes of ErroneousMissingValidOnSealed.Draw holds"
                + " ErroneousMissingValidOnSealed.Shape, whose constraints Bean Validation only checks when the"
                + " component is annotated @Valid, so they would be ignored. Add @Valid to the component (for a"
                + " container, on the type argument: List<@Valid Shape>).", "record Draw(List<Shape> shapes)");
    }

    @Test
    void unresolvedTypesAreReportedWhenProcessingEnds() {
        assertError("ErroneousUnresolvedType", "Component ghost of ErroneousUnresolvedType.State has type"
                + " DoesNotExist, which could not be resolved. Check the imports and that the type is on the class"
                + " path.", "record State(DoesNotExist ghost)");
    }
    @Test
    void contradictingSecurityAnnotationsAreRefused() {
        String fix = ", which contradict each other. Keep one: @PermitAll (every caller), @DenyAll (nobody) or"
                + " @RolesAllowed({\"role\", ...}) (callers holding one of the roles).";
        assertError("ErroneousConflictingAccess", "ErroneousConflictingAccess is annotated @PermitAll and @RolesAllowed"
                + fix, "public interface ErroneousConflictingAccess");
        assertError("ErroneousConflictingAccess", "reset is annotated @PermitAll and @DenyAll" + fix, "void reset()");
    }

    @Test
    void rolesAllowedMustNameARole() {
        assertErrorAt("ErroneousEmptyRoles", "@RolesAllowed on reset names no role, so nobody could pass it. Name the"
                + " roles that may, e.g. @RolesAllowed(\"admin\"), or write @DenyAll if nobody may.",
                "@RolesAllowed({})", "{}");
        assertErrorAt("ErroneousEmptyRoles", "@RolesAllowed on clear names a blank role, which no caller can hold."
                + " Remove it or write the role's name.", "@RolesAllowed({\"admin\", \" \"})", "\" \"");
    }

    @Test
    void securityAnnotationsOnEventsHaveNoEffect() {
        String why = " has no effect: events go to every subscriber of the instance, and subscribing follows the"
                + " contract interface's rule. Move it to the @Actor interface (for subscribing and every method)"
                + " or to the method it should guard.";
        JavaFileObject source = source("ErroneousAccessOnEvents");
        Compilation compilation = compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("@RolesAllowed on Events" + why).inFile(source)
                .onLineContaining("interface Events");
        assertThat(compilation).hadErrorContaining("@RolesAllowed on ping" + why).inFile(source)
                .onLineContaining("void ping(");
    }

    @Test
    void securityAnnotationsOnRecordsHaveNoEffect() {
        String why = " has no effect: records are data, and Zocket checks roles only when a method is called or an"
                + " instance subscribed. Move it to the @Actor interface (for subscribing and every method) or to"
                + " the method it should guard.";
        JavaFileObject source = source("ErroneousAccessOnRecord");
        Compilation compilation = compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("@RolesAllowed on Secret" + why).inFile(source)
                .onLineContaining("record Secret(");
        assertThat(compilation).hadErrorContaining("@DenyAll on amount" + why).inFile(source)
                .onLineContaining("public int amount()");
    }

    @Test
    void viewMethodsMustBeStatic() {
        assertError("ErroneousViewNotStatic", "@View method view must be a public static method of the contract",
                "private static State view");
    }

    @Test
    void viewNeedsAnAudience() {
        assertError("ErroneousViewIncomplete", "ErroneousViewIncomplete declares @View method view but no"
                + " @View.Audience method.", "static State view");
    }

    @Test
    void viewTakesTheAudienceKey() {
        assertError("ErroneousViewSignature", "@View method view must have the signature `static State view(State"
                + " state, boolean audience)`", "static State view");
    }

    @Test
    void audienceKeyNeedsValueEquality() {
        assertError("ErroneousViewAudienceSignature", "@View.Audience method insider must have the signature"
                + " `static K insider(State state, Viewer viewer)`", "static byte[] insider");
    }
}
