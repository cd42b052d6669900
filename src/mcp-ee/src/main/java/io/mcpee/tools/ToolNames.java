package io.mcpee.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The default tool name of a resource method. The resource noun is the last literal segment of the class
 * {@code @Path}; a template right after it makes the call item-level ({@code /customers/{id}}); literal segments
 * after that are an action ({@code /{id}/gdpr-delete}).
 * <pre>
 * GET    /customers            list_customers          GET    /customers/{id}        retrieve_customer
 * POST   /customers            create_customer         PUT    /customers/{id}        update_customer
 * PATCH  /customers/{id}       partial_update_customer DELETE /customers/{id}        delete_customer
 * POST   /customers/{id}/gdpr-delete  gdpr_delete_customer
 * POST   /customers/import     import_customers        GET    /customers/{id}/notes  retrieve_customer_notes
 * GET    /customers/export     list_customers_export
 * </pre>
 */
public final class ToolNames {

    private ToolNames() {
    }

    static String defaultName(ResourceMethod method) {
        List<String> classSegments = PathTemplate.segments(method.classPath());
        List<String> rest = new ArrayList<>(PathTemplate.segments(method.methodPath()));
        String noun = null;
        for (int i = classSegments.size() - 1; i >= 0 && noun == null; i--) {
            if (!PathTemplate.isTemplate(classSegments.get(i))) {
                noun = classSegments.get(i);
                // segments after the noun in the class path belong to the call's own path
                rest.addAll(0, classSegments.subList(i + 1, classSegments.size()));
            }
        }
        if (noun == null) {
            rest.addAll(0, classSegments);
            int firstLiteral = indexOfLiteral(rest);
            if (firstLiteral < 0) {
                return sanitize(method.httpMethod().toLowerCase(Locale.ROOT) + "_"
                        + method.method().getName());
            }
            noun = rest.remove(firstLiteral);
        }
        boolean item = !rest.isEmpty() && PathTemplate.isTemplate(rest.get(0));
        List<String> action = rest.stream().filter(s -> !PathTemplate.isTemplate(s)).toList();
        String singular = singular(word(noun));
        String plural = word(noun);
        String target = item ? singular : plural;
        String name;
        if (action.isEmpty()) {
            name = switch (method.httpMethod()) {
                case "GET" -> item ? "retrieve_" + singular : "list_" + plural;
                case "POST" -> "create_" + singular;
                case "PUT" -> "update_" + target;
                case "PATCH" -> "partial_update_" + target;
                case "DELETE" -> "delete_" + target;
                default -> method.httpMethod().toLowerCase(Locale.ROOT) + "_" + target;
            };
        } else {
            String verb = String.join("_", action.stream().map(ToolNames::word).toList());
            if (method.httpMethod().equals("GET")) {
                name = (item ? "retrieve_" : "list_") + target + "_" + verb;
            } else {
                name = verb + "_" + target;
            }
        }
        return sanitize(name);
    }

    private static int indexOfLiteral(List<String> segments) {
        for (int i = 0; i < segments.size(); i++) {
            if (!PathTemplate.isTemplate(segments.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** "gdpr-delete" becomes "gdpr_delete", "CustomerNotes" becomes "customer_notes". */
    static String word(String segment) {
        String snake = segment.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return snake.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }

    static String singular(String plural) {
        if (plural.endsWith("ies") && plural.length() > 3) {
            return plural.substring(0, plural.length() - 3) + "y";
        }
        if (plural.endsWith("sses") || plural.endsWith("xes") || plural.endsWith("ches") || plural.endsWith("shes")) {
            return plural.substring(0, plural.length() - 2);
        }
        if (plural.endsWith("s") && !plural.endsWith("ss") && plural.length() > 1) {
            return plural.substring(0, plural.length() - 1);
        }
        return plural;
    }

    /** Keeps a name inside MCP's {@code [A-Za-z0-9_.-]{1,128}}. */
    public static String sanitize(String name) {
        String clean = name.replaceAll("[^A-Za-z0-9_.-]", "_");
        if (clean.isEmpty()) {
            clean = "tool";
        }
        return clean.length() > 128 ? clean.substring(0, 128) : clean;
    }
}
