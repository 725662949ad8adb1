package dev.zocket.processor;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Emits the TypeScript declarations of every contract compiled, once processing is over, under
 * {@code SOURCE_OUTPUT} (Maven: {@code target/generated-sources/annotations}). Options:
 *
 * <ul>
 *   <li>{@code -Azocket.typescript.out=typescript}: the directory under {@code SOURCE_OUTPUT};
 *       {@code none} turns emission off;</li>
 *   <li>{@code -Azocket.typescript.layout=per-actor}: one {@code <actor name>.d.ts} per actor and
 *       an {@code index.d.ts} mapping actor names to their types; {@code per-module} puts
 *       everything in {@code index.d.ts}.</li>
 * </ul>
 *
 * <p>Actors are written in the order of their names, so the output depends only on the contracts.
 */
final class TypeScriptFiles {

    static final String OUT_OPTION = "zocket.typescript.out";
    static final String LAYOUT_OPTION = "zocket.typescript.layout";
    static final Set<String> OPTIONS = Set.of(OUT_OPTION, LAYOUT_OPTION);

    private static final String DEFAULT_OUT = "typescript";
    private static final String INDEX = "index.d.ts";

    private final Filer filer;
    private final Elements elements;
    private final Reporter reporter;
    private final Map<String, String> options;

    TypeScriptFiles(Filer filer, Elements elements, Reporter reporter, Map<String, String> options) {
        this.filer = filer;
        this.elements = elements;
        this.reporter = reporter;
        this.options = options;
    }

    /** Renders {@code actor} now, while javac still holds its Javadoc. */
    TypeScriptActor render(ActorModel actor) {
        return new TypeScriptWriter(elements, actor).write();
    }

    /** Writes the declarations of {@code actors}, reporting a bad option, a name clash or an I/O failure. */
    void write(List<TypeScriptActor> actors) {
        String out = options.getOrDefault(OUT_OPTION, DEFAULT_OUT).strip();
        if (out.equals("none") || actors.isEmpty()) {
            return;
        }
        String layout = options.getOrDefault(LAYOUT_OPTION, "per-actor").strip().toLowerCase(Locale.ROOT);
        if (!layout.equals("per-actor") && !layout.equals("per-module")) {
            reporter.error(Message.TYPESCRIPT_OPTION, LAYOUT_OPTION, layout, "per-actor or per-module");
            return;
        }
        if (out.startsWith("/") || out.contains("..") || out.contains("\\")) {
            reporter.error(Message.TYPESCRIPT_OPTION, OUT_OPTION, out,
                    "a relative path under the generated sources directory, or none");
            return;
        }
        List<TypeScriptActor> sorted = new ArrayList<>(actors);
        sorted.sort(Comparator.comparing(TypeScriptActor::name));
        List<TypeScriptActor.Clash> clashes = new ArrayList<>();
        Map<String, String> files = new LinkedHashMap<>();
        if (layout.equals("per-module")) {
            files.put(INDEX, TypeScriptActor.file(sorted, clashes) + "\n" + TypeScriptActor.actorsMap(sorted));
        } else {
            for (TypeScriptActor actor : sorted) {
                files.put(actor.name() + ".d.ts", TypeScriptActor.file(List.of(actor), clashes));
            }
            files.put(INDEX, TypeScriptActor.index(sorted));
        }
        for (TypeScriptActor.Clash clash : clashes) {
            reporter.error(Message.TYPESCRIPT_NAME_CLASH, clash.first(), clash.second(), clash.tsName(), LAYOUT_OPTION,
                    OUT_OPTION);
        }
        if (!clashes.isEmpty()) {
            return;
        }
        String directory = out.isEmpty() || out.endsWith("/") ? out : out + "/";
        for (Map.Entry<String, String> file : files.entrySet()) {
            writeFile(directory + file.getKey(), file.getValue());
        }
    }

    private void writeFile(String path, String text) {
        try {
            FileObject file = filer.createResource(StandardLocation.SOURCE_OUTPUT, "", path);
            try (Writer writer = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
                writer.write(text);
            }
        } catch (IOException | IllegalArgumentException e) {
            reporter.error(Message.TYPESCRIPT_FILE_FAILURE, path, e.getMessage());
        }
    }
}
