package io.mcpee.tools;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which tools a deployment offers by name: MP Config {@code mcpee.tools.include} and {@code mcpee.tools.exclude},
 * comma-separated globs ({@code *} any run of characters, {@code ?} one). Exclusion wins; no include list
 * admits every name.
 */
public record ToolFilter(List<Pattern> include, List<Pattern> exclude) {

    public ToolFilter {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    public static ToolFilter of(List<String> include, List<String> exclude) {
        return new ToolFilter(include.stream().map(ToolFilter::glob).toList(),
                exclude.stream().map(ToolFilter::glob).toList());
    }

    boolean admits(String name) {
        if (exclude.stream().anyMatch(p -> p.matcher(name).matches())) {
            return false;
        }
        return include.isEmpty() || include.stream().anyMatch(p -> p.matcher(name).matches());
    }

    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.strip().toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
