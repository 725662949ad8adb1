package ${package};

import dev.zocket.client.ZocketClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Signs the guestbook and prints the state as it arrives: first the snapshot, then the version
 * patched with the new entry. Connects to $ZOCKET_URL, else ws://localhost:3001.
 */
public final class GuestbookClient {

    private GuestbookClient() {}

    public static void main(String[] args) throws Exception {
        String url = System.getenv().getOrDefault("ZOCKET_URL", "ws://localhost:3001");
        String name = args.length > 0 ? args[0] : "Ada";
        try (ZocketClient client = ZocketClient.connect(url)) {
            GuestbookHandle guestbook = GuestbookHandle.of(client, "lobby");
            CompletableFuture<Guestbook.State> signed = new CompletableFuture<>();
            guestbook.state().subscribe(state -> {
                System.out.println("state: " + state.entries().size() + " entries");
                if (state.entries().stream().anyMatch(entry -> entry.name().equals(name))) {
                    signed.complete(state);
                }
            });
            int count = guestbook.sign(new Guestbook.Sign(name, "Hello from Java")).get(10, TimeUnit.SECONDS);
            System.out.println(name + " signed; entries: " + count);
            Guestbook.State state = signed.get(10, TimeUnit.SECONDS);
            System.out.println("last entry: " + state.entries().get(state.entries().size() - 1));
        }
    }
}
