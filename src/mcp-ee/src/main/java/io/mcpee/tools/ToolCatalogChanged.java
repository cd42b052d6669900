package io.mcpee.tools;

/**
 * The CDI event fired when resource classes CDI did not see were added to the tool catalog after CDI started: beans
 * that work something out from the catalog (the throttling rates of tools) observe it and work it out again,
 * failing the deployment when what they find is wrong.
 */
public record ToolCatalogChanged(int tools) {
}
