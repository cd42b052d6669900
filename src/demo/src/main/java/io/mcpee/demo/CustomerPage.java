package io.mcpee.demo;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/** One page of a customer search, how many customers match in all, and where the next page is. */
public record CustomerPage(List<Customer> items, long total,
                           @Schema(description = "The next page of the same search; absent on the last page")
                           URI next) {

    public CustomerPage(List<Customer> items, long total) {
        this(items, total, null);
    }

    CustomerPage withNext(URI next) {
        return new CustomerPage(items, total, next);
    }
}
