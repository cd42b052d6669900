package io.mcpee.audit;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import static java.util.Objects.requireNonNull;

/**
 * One request to change agent credentials through the admin API, as its audit entry names it: the action
 * ({@code tokens.regenerate}), what it acted on ({@code token 12 "reader"}) and what the request asked. The work
 * fills in what it learns as it goes (a new token's id, a PATCH that turns out to be a deactivation), so that
 * even a refused request is recorded with as much as was known. Confined to the request's thread.
 */
public final class AdminAction {
    private String name;
    private String target;
    private JsonObject arguments = JsonValue.EMPTY_JSON_OBJECT;

    private AdminAction(String name, String target) {
        this.name = requireNonNull(name, "name is null");
        this.target = target;
    }

    /** An action on no particular token or group yet (a create). */
    public static AdminAction of(String name) {
        return new AdminAction(name, null);
    }

    /** An action on the token or group {@code target} ({@code token 12}). */
    public static AdminAction on(String name, String target) {
        return new AdminAction(name, target);
    }

    /** What the request turned out to be ({@code tokens.deactivate} rather than {@code tokens.update}). */
    public AdminAction named(String newName) {
        this.name = requireNonNull(newName, "name is null");
        return this;
    }

    public AdminAction target(String newTarget) {
        this.target = newTarget;
        return this;
    }

    /** What the request asked, as JSON; redacted before it is stored. */
    public AdminAction arguments(JsonObject given) {
        this.arguments = requireNonNull(given, "arguments is null");
        return this;
    }

    String name() {
        return name;
    }

    String target() {
        return target;
    }

    JsonObject arguments() {
        return arguments;
    }
}
