package io.mcpee.demo;

import java.util.List;

/** One page of a customer search, and how many customers match in all. */
public record CustomerPage(List<Customer> items, long total) {
}
