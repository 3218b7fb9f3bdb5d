package dev.ferry.storefront.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The account family: {@code sign-in}, {@code sign-out}, {@code create-account} and {@code edit-account} to
 * {@code userAccount.login}, {@code .logout}, {@code .createProfile} and {@code .updateProfile}. Except on sign-out,
 * the account context gives {@code person.accountID} and {@code personalEmail.address}. {@code userAccount} is
 * replaced by the one counter, as in the collector.
 */
public final class AccountMapping implements EventMapping {

    private final String eventName;
    private final String measure;
    private final boolean withAccount;

    private AccountMapping(String eventName, String measure, boolean withAccount) {
        this.eventName = eventName;
        this.measure = measure;
        this.withAccount = withAccount;
    }

    public static AccountMapping signIn() {
        return new AccountMapping("sign-in", "login", true);
    }

    public static AccountMapping signOut() {
        return new AccountMapping("sign-out", "logout", false);
    }

    public static AccountMapping createAccount() {
        return new AccountMapping("create-account", "createProfile", true);
    }

    public static AccountMapping editAccount() {
        return new AccountMapping("edit-account", "updateProfile", true);
    }

    @Override
    public String eventName() {
        return eventName;
    }

    @Override
    public String eventType() {
        return "userAccount." + measure;
    }

    @Override
    public List<String> requiredContexts() {
        return List.of(Contexts.STOREFRONT_INSTANCE);
    }

    @Override
    public ObjectNode map(ObjectNode eventInfo) {
        ObjectNode xdm = CustomContexts.base(eventInfo);
        if (withAccount) {
            JsonNode account = eventInfo.path(Contexts.ACCOUNT);
            Js.setOr(Js.object(xdm, "person", "person"), "accountID", account.path("accountId"));
            Js.setOr(Js.object(xdm, "personalEmail", "personalEmail"), "address", account.path("emailAddress"));
        }
        xdm.putObject("userAccount").put(measure, 1);
        CommerceScopes.set(xdm, eventInfo);
        xdm.put("eventType", eventType());
        return xdm;
    }
}
