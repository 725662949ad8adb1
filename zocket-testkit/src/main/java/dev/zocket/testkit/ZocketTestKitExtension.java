package dev.zocket.testkit;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test a fresh {@link ZocketTestKit}, closed after the test, and injects it or new
 * clients into test parameters:
 *
 * <pre>{@code
 * @RegisterExtension
 * final ZocketTestKitExtension zocket = ZocketTestKitExtension.of(kit -> kit.actor(ChatRoom.class, ChatRoomActor::new));
 *
 * @Test
 * void membersSeeEachOthersMessages(TestClient alice, TestClient bob) { ... }
 * }</pre>
 *
 * Each {@link TestClient} parameter is a new client; a {@link ZocketTestKit} parameter is the
 * test's kit, also available as {@link #kit()}.
 */
public final class ZocketTestKitExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Consumer<ZocketTestKit.Builder> configuration;
    private ZocketTestKit kit;

    private ZocketTestKitExtension(Consumer<ZocketTestKit.Builder> configuration) {
        this.configuration = configuration;
    }

    /** An extension whose kits are configured by {@code configuration}: which actors, limits, ... */
    public static ZocketTestKitExtension of(Consumer<ZocketTestKit.Builder> configuration) {
        return new ZocketTestKitExtension(Objects.requireNonNull(configuration, "configuration"));
    }

    /** The current test's kit. */
    public ZocketTestKit kit() {
        if (kit == null) {
            throw new IllegalStateException("The kit exists only while a test runs");
        }
        return kit;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ZocketTestKit.Builder builder = ZocketTestKit.builder();
        configuration.accept(builder);
        kit = builder.build();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (kit != null) {
            kit.close();
            kit = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ZocketTestKit.class || type == TestClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ZocketTestKit.class ? kit() : kit().newClient();
    }
}
