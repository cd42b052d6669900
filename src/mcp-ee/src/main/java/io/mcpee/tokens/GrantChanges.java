package io.mcpee.tokens;

import io.mcpee.api.ToolListChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * A committed change of agent tokens (grants, groups, state, existence) may change what their agents may call: the
 * clients listening for it are told to list their tools again. Only once the change has committed, so that the list
 * they fetch shows it.
 */
@ApplicationScoped
class GrantChanges {
    private final Event<ToolListChanged> toolLists;

    @Inject
    GrantChanges(Event<ToolListChanged> toolLists) {
        this.toolLists = toolLists;
    }

    /** For the CDI client proxy only. */
    protected GrantChanges() {
        this(null);
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TokensChanged changed) {
        toolLists.fire(new ToolListChanged());
    }
}
