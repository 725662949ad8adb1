package dev.zocket.docs.chat;

import dev.zocket.Actor;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

/** Shows the role annotations of a contract. */
// tag::roles[]
@Actor("notebook")
@RolesAllowed({"reader", "editor"})       // subscribing, and every method without its own annotation
public interface Notebook {

    record State(String text, int revision) implements NotebookStateWithers {}

    record Edit(String text) {}

    String read();                        // readers and editors, as the interface says

    @RolesAllowed("editor")               // the method's own annotation wins
    void edit(Edit input);

    @PermitAll                            // any caller, even without a role
    int revision();

    @DenyAll                              // no caller: only the actor itself
    void purge();
}
// end::roles[]
