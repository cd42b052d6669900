package io.mcpee.demo;

import java.util.List;

/** One page of articles, and how many match in all. */
public record ArticlePage(List<Article> items, long total) {
}
