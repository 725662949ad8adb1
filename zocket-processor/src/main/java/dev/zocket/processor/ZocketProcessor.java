package dev.zocket.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Generates the typed handle, dispatcher, emitter, state differ, state applier, withers and
 * binding of every {@code @Actor} interface.
 *
 * <p>Each contract is read by {@link ActorReader}, which reports problems on the offending
 * element; a valid contract becomes an {@link ActorModel} that the writers turn into source.
 * A contract that refers to a type not generated yet is read again in the next round, and
 * reported only if it is still unresolved when processing ends. A failure inside the processor
 * becomes an error on the contract, never an escaped exception. The processor claims nothing:
 * {@link #process} returns {@code false}.
 */
@AutoService(Processor.class)
public final class ZocketProcessor extends AbstractProcessor {

    private Reporter reporter;
    private Elements elements;
    private final Set<String> deferred = new LinkedHashSet<>();
    private final Map<String, String> actorNames = new HashMap<>();
    private final Set<String> generatedTypes = new HashSet<>();
    private final Set<String> sourceTypes = new HashSet<>();
    private final Set<String> bindings = new TreeSet<>();
    private final List<TypeScriptActor> typeScriptActors = new ArrayList<>();
    private TypeScriptFiles typeScript;

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        this.reporter = new Reporter(processingEnv.getMessager());
        this.elements = processingEnv.getElementUtils();
        this.typeScript = new TypeScriptFiles(processingEnv.getFiler(), elements, reporter, processingEnv.getOptions());
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Annotations.ACTOR, Annotations.EVENTS);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return TypeScriptFiles.OPTIONS;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (Element root : round.getRootElements()) {
            if (root instanceof TypeElement type) {
                sourceTypes.add(type.getQualifiedName().toString());
            }
        }
        checkEventsPlacement(round);

        List<String> contracts = new ArrayList<>(deferred);
        deferred.clear();
        TypeElement actorAnnotation = elements.getTypeElement(Annotations.ACTOR);
        if (actorAnnotation != null) {
            for (Element element : round.getElementsAnnotatedWith(actorAnnotation)) {
                String name = ((TypeElement) element).getQualifiedName().toString();
                if (!contracts.contains(name)) {
                    contracts.add(name);
                }
            }
        }
        boolean finalRound = round.processingOver();
        for (String name : contracts) {
            processContract(elements.getTypeElement(name), finalRound);
        }
        if (finalRound && !bindings.isEmpty()) {
            writeServiceFile();
        }
        if (finalRound) {
            typeScript.write(typeScriptActors);
        }
        return false;
    }

    private void processContract(TypeElement contract, boolean finalRound) {
        try {
            Optional<ActorModel> model =
                    new ActorReader(processingEnv, reporter, actorNames, generatedTypes, finalRound).read(contract);
            model.ifPresent(this::generate);
        } catch (TypeResolver.Deferred notYetGenerated) {
            deferred.add(contract.getQualifiedName().toString());
        } catch (RuntimeException | Error e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            reporter.error(contract, Message.PROCESSOR_FAILURE, contract.getQualifiedName(), trace);
        }
    }

    private void generate(ActorModel model) {
        List<JavaFile> files = new ArrayList<>();
        files.add(new HandleWriter(model).write());
        files.add(new DispatcherWriter(model).write());
        model.events().ifPresent(events -> files.add(new EmitterWriter(model, events).write()));
        files.add(new DifferWriter(model).write());
        files.add(new ApplierWriter(model).write());
        model.view().ifPresent(view -> files.add(new ViewsWriter(model, view).write()));
        files.add(new BindingWriter(model).write());
        addWithers(model, files);
        for (JavaFile file : files) {
            writeSource(model, file);
        }
        bindings.add(model.bindingName().canonicalName());
        typeScriptActors.add(typeScript.render(model));
    }

    /**
     * Withers for each state record compiled now that has components, unless an earlier contract
     * sharing the record generated them already.
     */
    private void addWithers(ActorModel model, List<JavaFile> files) {
        for (RecordType record : model.stateRecords()) {
            String withers = ActorModel.withersName(record).canonicalName();
            if (isCompiledNow(record.element()) && !record.components().isEmpty()
                    && !generatedTypes.contains(withers)) {
                if (elements.getTypeElement(withers) != null) {
                    reporter.error(model.contract(), Message.GENERATED_NAME_COLLISION, withers,
                            model.contract().getSimpleName());
                    continue;
                }
                files.add(new WithersWriter(model, record).write());
            }
        }
    }

    private void writeSource(ActorModel model, JavaFile file) {
        String name = file.packageName().isEmpty() ? file.typeSpec().name()
                : file.packageName() + "." + file.typeSpec().name();
        try {
            file.writeTo(processingEnv.getFiler());
            generatedTypes.add(name);
        } catch (IOException e) {
            reporter.error(model.contract(), Message.SOURCE_FILE_FAILURE, name, e.getMessage());
        }
    }

    /** Whether {@code type} is declared in a source file of this compilation (not in a library). */
    private boolean isCompiledNow(TypeElement type) {
        Element outermost = type;
        while (outermost.getEnclosingElement() != null
                && outermost.getEnclosingElement().getKind() != ElementKind.PACKAGE) {
            outermost = outermost.getEnclosingElement();
        }
        return sourceTypes.contains(((TypeElement) outermost).getQualifiedName().toString());
    }

    private void checkEventsPlacement(RoundEnvironment round) {
        TypeElement eventsAnnotation = elements.getTypeElement(Annotations.EVENTS);
        if (eventsAnnotation == null) {
            return;
        }
        for (Element element : round.getElementsAnnotatedWith(eventsAnnotation)) {
            if (element.getKind() != ElementKind.INTERFACE) {
                reporter.error(element, Message.EVENTS_NOT_INTERFACE, element.getSimpleName(),
                        element.getKind().toString().toLowerCase().replace('_', ' '));
                continue;
            }
            Element owner = element.getEnclosingElement();
            if (owner.getKind() != ElementKind.INTERFACE || Annotations.find(owner, Annotations.ACTOR).isEmpty()) {
                reporter.error(element, Message.EVENTS_NOT_NESTED, element.getSimpleName());
            }
        }
    }

    private void writeServiceFile() {
        try {
            ServiceFile.write(processingEnv.getFiler(), bindings);
        } catch (IOException e) {
            reporter.error(Message.SERVICE_FILE_FAILURE, ServiceFile.PATH, e.getMessage());
        }
    }
}
