package dev.zocket.processor;

import com.palantir.javapoet.TypeName;
import dev.zocket.processor.ActorModel.ViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Finds and checks a contract's {@code @View} and {@code @View.Audience} methods. Reports every
 * problem on the method it concerns; yields a model only for a complete, well-typed pair.
 */
final class ViewReader {

    static final String VIEW = "dev.zocket.View";
    static final String AUDIENCE = "dev.zocket.View.Audience";
    private static final String VIEWER = "dev.zocket.Viewer";

    private final Types types;
    private final Reporter reporter;

    ViewReader(ProcessingEnvironment env, Reporter reporter) {
        this.types = env.getTypeUtils();
        this.reporter = reporter;
    }

    Optional<ViewModel> read(TypeElement contract, TypeElement state) {
        Optional<ExecutableElement> audience = single(contract, AUDIENCE, "View.Audience");
        Optional<ExecutableElement> view = single(contract, VIEW, "View");
        if (audience.isEmpty() && view.isEmpty()) {
            return Optional.empty();
        }
        String stateName = state == null ? "State" : state.getSimpleName().toString();
        if (audience.isEmpty()) {
            reporter.error(view.get(), Message.VIEW_INCOMPLETE, contract.getSimpleName(), "View",
                    view.get().getSimpleName(), "View.Audience", stateName, stateName, stateName);
            return Optional.empty();
        }
        if (view.isEmpty()) {
            reporter.error(audience.get(), Message.VIEW_INCOMPLETE, contract.getSimpleName(), "View.Audience",
                    audience.get().getSimpleName(), "View", stateName, stateName, stateName);
            return Optional.empty();
        }
        if (state == null) {
            return Optional.empty(); // the missing state is reported already
        }
        Optional<TypeMirror> key = checkAudience(audience.get(), state);
        if (key.isEmpty() || !checkView(view.get(), audience.get(), state, key.get())) {
            return Optional.empty();
        }
        return Optional.of(new ViewModel(audience.get(), view.get(), TypeName.get(key.get()).box()));
    }

    /** The one method carrying the annotation; reports a second one and non-static ones. */
    private Optional<ExecutableElement> single(TypeElement contract, String annotation, String shown) {
        List<ExecutableElement> found = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(contract.getEnclosedElements())) {
            if (Annotations.find(method, annotation).isEmpty()) {
                continue;
            }
            if (!method.getModifiers().contains(Modifier.STATIC) || !method.getModifiers().contains(Modifier.PUBLIC)) {
                reporter.error(method, Message.VIEW_NOT_PUBLIC_STATIC, shown, method.getSimpleName());
                continue;
            }
            found.add(method);
        }
        if (found.size() > 1) {
            reporter.error(found.get(1), Message.VIEW_DUPLICATE, contract.getSimpleName(), shown,
                    found.get(0).getSimpleName(), found.get(1).getSimpleName());
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private Optional<TypeMirror> checkAudience(ExecutableElement audience, TypeElement state) {
        TypeMirror key = audience.getReturnType();
        boolean valid = audience.getParameters().size() == 2
                && audience.getTypeParameters().isEmpty()
                && types.isSameType(audience.getParameters().get(0).asType(), state.asType())
                && isViewer(audience.getParameters().get(1).asType())
                && key.getKind() != TypeKind.VOID
                && key.getKind() != TypeKind.ARRAY
                && key.getKind() != TypeKind.TYPEVAR
                && key.getKind() != TypeKind.ERROR;
        if (!valid) {
            reporter.error(audience, Message.VIEW_AUDIENCE_SIGNATURE, audience.getSimpleName(),
                    audience.getSimpleName(), state.getSimpleName());
            return Optional.empty();
        }
        return Optional.of(key);
    }

    private boolean checkView(ExecutableElement view, ExecutableElement audience, TypeElement state, TypeMirror key) {
        boolean valid = view.getParameters().size() == 2
                && view.getTypeParameters().isEmpty()
                && types.isSameType(view.getReturnType(), state.asType())
                && types.isSameType(view.getParameters().get(0).asType(), state.asType())
                && types.isSameType(view.getParameters().get(1).asType(), key);
        if (!valid) {
            reporter.error(view, Message.VIEW_SIGNATURE, view.getSimpleName(), state.getSimpleName(),
                    view.getSimpleName(), state.getSimpleName(), TypeName.get(key), audience.getSimpleName());
        }
        return valid;
    }

    private static boolean isViewer(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((javax.lang.model.type.DeclaredType) type).asElement()).getQualifiedName()
                        .contentEquals(VIEWER);
    }
}
