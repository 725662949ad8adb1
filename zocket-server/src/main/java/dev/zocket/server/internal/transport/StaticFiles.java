package dev.zocket.server.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;

/**
 * Files an application serves over HTTP (its web page), from a directory or from the class path.
 * Requests for {@code /} serve {@code index.html}; paths that try to leave the root are refused.
 */
public abstract class StaticFiles {

    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("map", "application/json"));

    /** A file found under the root. */
    public record Content(String contentType, byte[] bytes) {}

    /**
     * Serves regular files under a directory. A path that leads out of it, also through a
     * symbolic link, is not found.
     */
    public static StaticFiles directory(Path root) {
        Path normalizedRoot = root.toAbsolutePath().normalize();
        return new StaticFiles() {
            @Override
            protected Optional<byte[]> read(String relativePath) {
                try {
                    Path file = normalizedRoot.resolve(relativePath).normalize();
                    if (!file.startsWith(normalizedRoot) || !Files.isRegularFile(file)
                            || !file.toRealPath().startsWith(normalizedRoot.toRealPath())) {
                        return Optional.empty();
                    }
                    return Optional.of(Files.readAllBytes(file));
                } catch (NoSuchFileException | InvalidPathException gone) {
                    return Optional.empty();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /**
     * Serves class-path resources under {@code root}, for example {@code "web"}. Directories
     * are not found (a class-path directory would otherwise read as a listing of its entries).
     */
    public static StaticFiles classpath(String root, ClassLoader loader) {
        String prefix = root.endsWith("/") ? root : root + "/";
        return new StaticFiles() {
            @Override
            protected Optional<byte[]> read(String relativePath) {
                URL resource = loader.getResource(prefix + relativePath);
                if (resource == null || !isFile(resource)) {
                    return Optional.empty();
                }
                try (InputStream in = resource.openStream()) {
                    return Optional.of(in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static boolean isFile(URL resource) {
        try {
            switch (resource.getProtocol()) {
                case "file":
                    return Files.isRegularFile(Path.of(resource.toURI()));
                case "jar": {
                    URLConnection connection = resource.openConnection();
                    JarEntry entry = ((JarURLConnection) connection).getJarEntry();
                    return entry != null && !entry.isDirectory();
                }
                default:
                    return true;
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return false;
        }
    }

    /** The file at a request path, or empty if there is none (or the path is not allowed). */
    public Optional<Content> find(String requestPath) {
        String path = requestPath.startsWith("/") ? requestPath.substring(1) : requestPath;
        if (path.isEmpty() || path.endsWith("/")) {
            path = path + "index.html";
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".") || segment.isEmpty() || segment.contains("\\")) {
                return Optional.empty();
            }
        }
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String contentType = CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
        return read(path).map(bytes -> new Content(contentType, bytes));
    }

    protected abstract Optional<byte[]> read(String relativePath);
}
