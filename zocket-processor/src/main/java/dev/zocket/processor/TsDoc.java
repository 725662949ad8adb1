package dev.zocket.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Javadoc turned into TSDoc: inline {@code {@code x}} becomes a backtick span, {@code {@link X}}
 * the name it links to, paragraphs and list items become Markdown, HTML entities become text.
 * Block tags are kept apart, so that a record's {@code @param} lines can document its members.
 */
final class TsDoc {

    private final List<String> body;
    private final Map<String, String> params;
    private final List<String> otherTags;

    private TsDoc(List<String> body, Map<String, String> params, List<String> otherTags) {
        this.body = body;
        this.params = params;
        this.otherTags = otherTags;
    }

    /** Parses a doc comment as {@code Elements.getDocComment} returns it; {@code null} is no comment. */
    static TsDoc parse(String javadoc) {
        List<String> body = new ArrayList<>();
        Map<String, String> params = new LinkedHashMap<>();
        List<String> otherTags = new ArrayList<>();
        if (javadoc == null) {
            return new TsDoc(body, params, otherTags);
        }
        StringBuilder unindented = new StringBuilder();
        for (String raw : javadoc.strip().split("\n", -1)) {
            unindented.append(raw.startsWith(" ") ? raw.substring(1) : raw).append('\n');
        }
        String text = markdown(inline(unindented.toString()));
        StringBuilder tag = null;
        for (String line : text.split("\n", -1)) {
            if (line.strip().startsWith("@")) {
                if (tag != null) {
                    addTag(tag.toString(), params, otherTags);
                }
                tag = new StringBuilder(line.strip());
            } else if (tag != null) {
                tag.append(' ').append(line.strip());
            } else if (!(line.isBlank() && (body.isEmpty() || body.get(body.size() - 1).isEmpty()))) {
                body.add(line.isBlank() ? "" : line.stripTrailing());
            }
        }
        if (tag != null) {
            addTag(tag.toString(), params, otherTags);
        }
        while (!body.isEmpty() && body.get(body.size() - 1).isBlank()) {
            body.remove(body.size() - 1);
        }
        return new TsDoc(body, params, otherTags);
    }

    boolean isEmpty() {
        return body.isEmpty() && otherTags.isEmpty();
    }

    /** The text of {@code @param name}, or {@code null}. */
    String param(String name) {
        return params.get(name);
    }

    /** The comment with its description and every block tag but {@code @param}, indented by {@code indent}. */
    String render(String indent) {
        List<String> lines = new ArrayList<>(body);
        if (!otherTags.isEmpty() && !lines.isEmpty()) {
            lines.add("");
        }
        lines.addAll(otherTags);
        return block(indent, lines);
    }

    /** The comment with its description and all block tags, {@code @param} included. */
    String renderWithParams(String indent) {
        List<String> lines = new ArrayList<>(body);
        List<String> tags = new ArrayList<>();
        params.forEach((name, text) -> tags.add("@param " + name + " - " + text));
        tags.addAll(otherTags);
        if (!tags.isEmpty() && !lines.isEmpty()) {
            lines.add("");
        }
        lines.addAll(tags);
        return block(indent, lines);
    }

    /** A one-paragraph comment, or nothing for {@code null}. */
    static String single(String indent, String text) {
        return text == null || text.isBlank() ? "" : block(indent, List.of(text.strip()));
    }

    private static String block(String indent, List<String> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        if (lines.size() == 1 && lines.get(0).length() < 90) {
            return indent + "/** " + lines.get(0) + " */\n";
        }
        StringBuilder out = new StringBuilder(indent).append("/**\n");
        for (String line : lines) {
            out.append(indent).append(line.isEmpty() ? " *" : " * " + line).append('\n');
        }
        return out.append(indent).append(" */\n").toString();
    }

    private static void addTag(String tag, Map<String, String> params, List<String> otherTags) {
        String[] words = tag.split("\\s+", 3);
        switch (words[0]) {
            case "@param" -> {
                if (words.length == 3) {
                    params.put(words[1], words[2]);
                }
            }
            case "@return" -> otherTags.add("@returns " + tag.substring("@return".length()).strip());
            case "@throws", "@exception" -> otherTags.add("@throws " + tag.substring(words[0].length()).strip());
            case "@deprecated" -> otherTags.add(tag);
            default -> { } // @see, @since, @author and the like mean little to a TypeScript reader
        }
    }

    /** HTML as Markdown: {@code <p>} starts a paragraph, {@code <li>} an item; other tags go, entities become text. */
    private static String markdown(String text) {
        return text.replaceAll("\\s*<p( [^>]*)?>\\s*", "\n\n")
                .replaceAll("\\s*<li( [^>]*)?>\\s*", "\n- ")
                .replaceAll("</?(ul|ol|p|li|em|i|b|strong|br)( [^>]*)?/?>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** Replaces inline tags, keeping braces balanced inside {@code {@code ...}}. */
    private static String inline(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("{@", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            int end = closingBrace(text, start);
            if (end < 0) {
                out.append(text, start, text.length());
                break;
            }
            String inner = text.substring(start + 2, end);
            int space = inner.indexOf(' ');
            String tagName = space < 0 ? inner : inner.substring(0, space);
            String argument = space < 0 ? "" : inner.substring(space + 1).strip();
            out.append(switch (tagName) {
                case "code", "literal" -> "`" + argument.replace("`", "'") + "`";
                case "link", "linkplain" -> linkText(argument);
                default -> argument;
            });
            i = end + 1;
        }
        return out.toString().replace("*/", "*\\/");
    }

    private static String linkText(String argument) {
        String[] parts = argument.split("\\s+", 2);
        if (parts.length == 2) {
            return parts[1];
        }
        String target = parts[0].startsWith("#") ? parts[0].substring(1) : parts[0].replace('#', '.');
        return "`" + target + "`";
    }

    private static int closingBrace(String text, int start) {
        int depth = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
