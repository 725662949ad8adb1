package dev.zocket.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.zocket.processor.fixtures.CounterBinding;
import dev.zocket.processor.fixtures.LobbyBinding;
import dev.zocket.processor.fixtures.VaultBinding;
import dev.zocket.spi.AccessRules;
import dev.zocket.spi.ActorBinding;
import dev.zocket.spi.RoleRule;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the {@code accessRules()} generated for the fixtures: each method answers as its own
 * annotation says, else as the interface's, and subscribing follows the interface.
 */
class AccessRulesTest {

    private static final AccessRules VAULT = VaultBinding.INSTANCE.accessRules();
    private static final RoleRule TELLERS_AND_AUDITORS = RoleRule.rolesAllowed(Set.of("teller", "auditor"));

    @Test
    void aMethodWithoutAnnotationFollowsTheInterface() {
        assertEquals(TELLERS_AND_AUDITORS, VAULT.call("balance"));
    }

    @Test
    void aMethodsOwnAnnotationWinsOverTheInterfaces() {
        assertEquals(RoleRule.rolesAllowed(Set.of("teller")), VAULT.call("deposit"));
        assertEquals(RoleRule.rolesAllowed(Set.of("manager", "teller")), VAULT.call("withdraw"));
        assertSame(RoleRule.permitAll(), VAULT.call("openingHours"));
        assertSame(RoleRule.denyAll(), VAULT.call("drain"));
    }

    @Test
    void anInheritedMethodFollowsTheInterfaceDeclaringIt() {
        assertEquals(RoleRule.rolesAllowed(Set.of("auditor")), VAULT.call("auditCount"));
        assertSame(RoleRule.permitAll(), VAULT.call("auditPolicy"));
    }

    @Test
    void subscribingFollowsTheInterface() {
        assertEquals(TELLERS_AND_AUDITORS, VAULT.subscribe());
    }

    /** Unknown names get the same answer as an unannotated method, so the rules reveal no method list. */
    @ParameterizedTest
    @ValueSource(strings = {"", "nosuch", "Deposit", "drain ", "toString"})
    void anUnknownMethodFollowsTheInterface(String method) {
        assertEquals(TELLERS_AND_AUDITORS, VAULT.call(method));
    }

    @Test
    void methodAnnotationsAloneLeaveSubscribingUnrestricted() {
        AccessRules lobby = LobbyBinding.INSTANCE.accessRules();
        assertSame(RoleRule.permitAll(), lobby.call("visitors"));
        assertSame(RoleRule.denyAll(), lobby.call("shut"));
        assertSame(RoleRule.unrestricted(), lobby.call("enter"));
        assertSame(RoleRule.unrestricted(), lobby.subscribe());
    }

    @Test
    void aContractWithoutAnnotationsKeepsTheDefault() {
        assertSame(AccessRules.NONE, CounterBinding.INSTANCE.accessRules());
    }

    @Test
    void theServiceLoaderFindsTheSameRules() {
        ActorBinding<?, ?, ?> vault = ServiceLoader.load(ActorBinding.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(binding -> binding.actorName().equals("vault"))
                .findFirst()
                .orElseThrow();
        assertEquals(RoleRule.rolesAllowed(Set.of("teller")), vault.accessRules().call("deposit"));
    }
}
