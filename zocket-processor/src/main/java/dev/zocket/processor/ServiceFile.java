package dev.zocket.processor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/dev.zocket.spi.ActorBinding}, merged with the entries an
 * earlier (incremental) compilation left, sorted so the output does not depend on round order.
 */
final class ServiceFile {

    static final String PATH = "META-INF/services/dev.zocket.spi.ActorBinding";

    private ServiceFile() {}

    static void write(Filer filer, Set<String> bindings) throws IOException {
        Set<String> entries = new TreeSet<>(bindings);
        entries.addAll(readExisting(filer));
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH);
        try (Writer out = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
            for (String entry : entries) {
                out.write(entry);
                out.write('\n');
            }
        }
    }

    private static Set<String> readExisting(Filer filer) {
        Set<String> entries = new TreeSet<>();
        try {
            FileObject existing = filer.getResource(StandardLocation.CLASS_OUTPUT, "", PATH);
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(existing.openInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String entry = line.strip();
                    if (!entry.isEmpty() && !entry.startsWith("#")) {
                        entries.add(entry);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException noEarlierFile) {
            // First compilation: there is nothing to merge with.
        }
        return entries;
    }
}
