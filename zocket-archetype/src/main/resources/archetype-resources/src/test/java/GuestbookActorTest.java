package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zocket.ErrorCode;
import dev.zocket.RpcException;
import dev.zocket.testkit.TestClient;
import dev.zocket.testkit.ZocketTestKit;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The actor tested in-process through its generated handle: no sockets, no threads, no waiting. */
class GuestbookActorTest {

    @Test
    void signingAddsAnEntryAndTellsEveryone() {
        try (ZocketTestKit kit = ZocketTestKit.builder().actor(Guestbook.class, GuestbookActor::new).build()) {
            TestClient ada = kit.newClient();
            TestClient bob = kit.newClient();
            GuestbookHandle adasBook = GuestbookHandle.of(ada, "lobby");
            GuestbookHandle bobsBook = GuestbookHandle.of(bob, "lobby");
            bobsBook.onSigned(entry -> {});

            assertEquals(1, adasBook.sign(new Guestbook.Sign("Ada", "Hi")).join());

            Guestbook.Entry entry = new Guestbook.Entry("Ada", "Hi");
            assertEquals(List.of(entry), kit.state(GuestbookBinding.INSTANCE, "lobby").orElseThrow().entries());
            assertEquals(List.of(entry), bob.events("signed", Guestbook.Entry.class));
        }
    }

    @Test
    void aBlankNameIsRejectedBeforeTheActorRuns() {
        try (ZocketTestKit kit = ZocketTestKit.builder().actor(Guestbook.class, GuestbookActor::new).build()) {
            GuestbookHandle book = GuestbookHandle.of(kit.newClient(), "lobby");

            CompletionException failure = assertThrows(CompletionException.class,
                    () -> book.sign(new Guestbook.Sign(" ", "Hi")).join());

            assertEquals(ErrorCode.BAD_REQUEST, ((RpcException) failure.getCause()).code());
            assertEquals(List.of(), kit.state(GuestbookBinding.INSTANCE, "lobby").map(Guestbook.State::entries)
                    .orElse(List.of()));
        }
    }
}
