package com.example.notes;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.zocket.Actor;
import dev.zocket.View;
import dev.zocket.Viewer;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A shared notebook: what the TypeScript declarations carry beyond shapes, Javadoc as TSDoc
 * ({@code code}, {@link Page links}, <em>HTML</em> &amp; entities), renamed variants, Jackson
 * trees, byte arrays, instants, nullable components and views.
 *
 * <p>A second paragraph.
 */
@Actor("notebook")
public interface Notebook {

    /**
     * The notebook.
     *
     * @param pages every page, oldest first
     * @param cover the cover image, Base64 on the wire
     */
    record State(List<Page> pages, byte[] cover, @JsonProperty("owner-id") String ownerId)
            implements NotebookStateWithers {
        public State() {
            this(List.of(), new byte[0], "");
        }
    }

    /**
     * One page.
     *
     * @param blocks what is on it, in order
     * @param meta anything a plugin stored
     */
    record Page(String title, List<Block> blocks, Instant updatedAt, JsonNode meta, Optional<String> author,
            Integer pinnedAt, @Nullable String subtitle) {}

    /** Any annotation of this simple name marks a component that may be null. */
    @interface Nullable {}

    /** A piece of a page. */
    sealed interface Block permits Text, Sketch {}

    /** Plain text. */
    @JsonTypeName("text")
    record Text(String body) implements Block {}

    record Sketch(List<Double> xs) implements Block {}

    record Write(@Valid Page page) {}

    /**
     * Adds a page at the end.
     *
     * @param write the page to add
     * @return the page's index
     */
    int write(@Valid Write write);

    /** Empties the notebook; only its owner may. */
    void clear();

    interface Events {
        /** A page was added; {@code page} is what it holds now. */
        void written(Page page);
    }

    @View.Audience
    static boolean isOwner(State state, Viewer viewer) {
        return state.ownerId().equals(viewer.clientId());
    }

    /** Others see no cover. */
    @View
    static State view(State state, boolean isOwner) {
        return isOwner ? state : state.withCover(new byte[0]);
    }
}
