package io.mcpee.demo;

/** Where an article is in its life. */
public enum ArticleStatus {
    DRAFT, PUBLISHED
}
