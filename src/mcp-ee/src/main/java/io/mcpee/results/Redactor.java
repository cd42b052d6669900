package io.mcpee.results;

import io.mcpee.protocol.CallToolResult;
import io.mcpee.protocol.Content;
import io.mcpee.protocol.JsonText;
import io.mcpee.schema.PropertyMarks;
import io.mcpee.tools.ToolDefinition;
import io.mcpee.tools.ToolRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Masks secrets in what a tool call was given, wherever mcp-ee records or repeats it: audit records, error
 * messages. A value is masked as {@link PropertyMarks#PropertyMarks.MASK} when
 * <ul>
 *   <li>its property or parameter carries {@code @Sensitive} (whatever its {@code unlessRole}: the
 *   arguments are what the caller sent, not what it may read);</li>
 *   <li>its property name is one of {@code mcpee.redaction.names} (whole names, case-insensitive; default
 *   {@link #DEFAULT_NAMES}), at any depth;</li>
 *   <li>or, inside any string, a part looks like a secret: an agent token ({@code mcp_<16 hex>_<64 hex>}), a JWT
 *   (three base64url segments, the first starting {@code eyJ}), a card number (13 to 19 digits, single spaces or
 *   dashes between them, passing the Luhn check); only that part is masked.</li>
 * </ul>
 * A null value stays null: there is nothing to hide. The arguments given are never changed; a copy is returned.
 */
@ApplicationScoped
public class Redactor {
    public static final List<String> DEFAULT_NAMES = List.of("password", "secret", "token", "authorization",
            "apiKey", "api_key", "ssn", "creditCard", "cardNumber", "cvv", "pin");

    private static final Pattern AGENT_TOKEN = Pattern.compile("mcp_[0-9a-f]{16}_[0-9a-f]{64}");
    private static final Pattern JWT = Pattern.compile(
            "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    /**
     * A run of digits with single spaces or dashes between them, not inside a word: the candidates for card
     * numbers, checked by length and Luhn afterwards (a regular expression cannot count digits across separators
     * and check a sum at once).
     */
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![0-9A-Za-z_])\\d+(?:[ -]\\d+)*(?![0-9A-Za-z_])");
    private static final Pattern SEPARATOR = Pattern.compile("[ -]");
    /** Shorter values are not searched for in messages: "1" or "abc" would mask unrelated text. */
    private static final int MIN_ECHO_LENGTH = 4;

    private final Function<String, ToolDefinition> tools;
    private final Set<String> names;

    @Inject
    Redactor(ToolRegistry registry, @ConfigProperty(name = "mcpee.redaction.names") Optional<String> names) {
        this(registry::find, names.map(n -> Arrays.asList(n.split(","))).orElse(DEFAULT_NAMES));
    }

    Redactor(Function<String, ToolDefinition> tools, Collection<String> names) {
        this.tools = tools;
        this.names = names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).filter(n -> !n.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** For the CDI client proxy only. */
    protected Redactor() {
        this.tools = name -> null;
        this.names = Set.of();
    }

    /**
     * A copy of a tool call's arguments with every secret masked, by the tool's {@code @Sensitive} parameters and
     * properties (an unknown tool: by names and patterns only). For audit records and logs.
     */
    public JsonObject arguments(String toolName, JsonObject arguments) {
        ToolDefinition tool = toolName == null ? null : tools.apply(toolName);
        return (JsonObject) redact(arguments, tool == null ? PropertyMarks.NONE : tool.input(), null);
    }

    /**
     * An error text of a tool call fit for the agent: the values of the call's sensitive arguments and anything
     * that looks like a secret masked, as for the errors the invoker returns.
     */
    public String scrub(String message, String toolName, JsonObject arguments) {
        return scrubber(toolName == null ? null : tools.apply(toolName), arguments).apply(message);
    }

    /** A copy of any JSON value with secrets masked by property names and value patterns. */
    public JsonValue redact(JsonValue value) {
        return redact(value, PropertyMarks.NONE, null);
    }

    /** {@code text} with every part that looks like an agent token, a JWT or a card number masked. */
    public String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = AGENT_TOKEN.matcher(text).replaceAll(PropertyMarks.MASK);
        masked = JWT.matcher(masked).replaceAll(PropertyMarks.MASK);
        return maskCardNumbers(masked);
    }

    /**
     * An error result whose text can reach the caller without repeating a secret: the values the arguments'
     * sensitive properties held (when the application put them into a message) and anything that looks like a
     * secret are masked.
     */
    public CallToolResult scrub(CallToolResult result, ToolDefinition tool, JsonObject arguments) {
        UnaryOperator<String> scrubber = scrubber(tool, arguments);
        List<Content> contents = new ArrayList<>(result.content().size());
        for (Content content : result.content()) {
            if (content instanceof Content.Text text) {
                contents.add(new Content.Text(scrubber.apply(text.text())));
            } else {
                contents.add(content);
            }
        }
        return new CallToolResult(contents, result.structuredJson(), result.isError());
    }

    /**
     * What masks a text that may repeat the call's arguments: the values of its sensitive properties (by annotation
     * or name, {@value #MIN_ECHO_LENGTH} characters or more) and anything that looks like a secret.
     */
    public UnaryOperator<String> scrubber(ToolDefinition tool, JsonObject arguments) {
        List<String> echoes = new ArrayList<>();
        redact(arguments, tool == null ? PropertyMarks.NONE : tool.input(), echoes);
        // longest first: a value that contains another is masked whole
        echoes.sort(Comparator.comparingInt(String::length).reversed());
        return original -> {
            if (original == null) {
                return null;
            }
            String scrubbed = original;
            for (String echo : echoes) {
                scrubbed = scrubbed.replace(echo, PropertyMarks.MASK);
            }
            return text(scrubbed);
        };
    }

    /**
     * A copy of a failure fit for the server log: each message of the cause chain scrubbed like an error result
     * (the application may have put the call's secrets into it), the stack traces kept. The copy's messages name
     * the original exception classes, which the log needs and the caller never sees.
     */
    static Throwable forLog(Throwable failure, UnaryOperator<String> scrubber) {
        return copy(failure, scrubber, 0);
    }

    private static Throwable copy(Throwable failure, UnaryOperator<String> scrubber, int depth) {
        Throwable cause = failure.getCause();
        Throwable copiedCause = cause == null || cause == failure || depth >= 10 ? null
                : copy(cause, scrubber, depth + 1);
        String message = failure.getMessage();
        Throwable copy = new RedactedFailure(failure.getClass().getName()
                + (message == null ? "" : ": " + scrubber.apply(message)), copiedCause);
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** A logged stand-in for an application's exception, its message redacted. */
    static final class RedactedFailure extends Exception {
        RedactedFailure(String message, Throwable cause) {
            super(message, cause, false, true);
        }

        @Override
        public String toString() {
            // the message already begins with the original class name
            return getMessage();
        }
    }

    /**
     * The walk: {@code marks} says which properties are {@code @Sensitive} here; names and patterns apply
     * everywhere. {@code echoes}, when given, collects the texts of values masked whole (not by pattern).
     */
    private JsonValue redact(JsonValue value, PropertyMarks marks, List<String> echoes) {
        switch (value.getValueType()) {
            case OBJECT -> {
                JsonObject object = value.asJsonObject();
                JsonObjectBuilder copy = JsonText.BUILDERS.createObjectBuilder();
                for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                    PropertyMarks.Mark mark = marks.elements() == null ? marks.property(entry.getKey()) : null;
                    PropertyMarks inner = marks.elements() != null ? marks.elements()
                            : mark == null ? PropertyMarks.NONE : mark.value();
                    JsonValue item = entry.getValue();
                    boolean sensitive = (mark != null && mark.sensitive())
                            || names.contains(entry.getKey().toLowerCase(Locale.ROOT));
                    if (sensitive && item.getValueType() != JsonValue.ValueType.NULL) {
                        if (echoes != null) {
                            collect(item, echoes);
                        }
                        copy.add(entry.getKey(), PropertyMarks.MASK_VALUE);
                    } else {
                        copy.add(entry.getKey(), redact(item, inner, echoes));
                    }
                }
                return copy.build();
            }
            case ARRAY -> {
                JsonArrayBuilder copy = JsonText.BUILDERS.createArrayBuilder();
                PropertyMarks inner = marks.elements() == null ? PropertyMarks.NONE : marks.elements();
                for (JsonValue item : value.asJsonArray()) {
                    copy.add(redact(item, inner, echoes));
                }
                return copy.build();
            }
            case STRING -> {
                String text = ((JsonString) value).getString();
                String masked = text(text);
                return masked.equals(text) ? value : JsonText.string(masked);
            }
            case NUMBER -> {
                // a card number sent as a JSON number is still a card number
                String digits = value.toString();
                return isCardNumber(digits) ? PropertyMarks.MASK_VALUE : value;
            }
            default -> {
                return value;
            }
        }
    }

    /** The strings and numbers inside a value masked whole, as a message could repeat them. */
    private static void collect(JsonValue value, List<String> echoes) {
        if (value instanceof JsonString string) {
            add(string.getString(), echoes);
        } else if (value instanceof JsonNumber number) {
            add(number.toString(), echoes);
        } else if (value instanceof JsonObject object) {
            object.values().forEach(v -> collect(v, echoes));
        } else if (value instanceof JsonArray array) {
            array.forEach(v -> collect(v, echoes));
        }
    }

    private static void add(String text, List<String> echoes) {
        if (text.strip().length() >= MIN_ECHO_LENGTH) {
            echoes.add(text.strip());
        }
    }

    /**
     * Masks card numbers: in each run of digit groups, every stretch of whole groups that is one, longest first
     * ("4111 1111 1111 1111 2030" masks the card and keeps "2030").
     */
    private static String maskCardNumbers(String text) {
        Matcher run = DIGIT_RUN.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (run.find()) {
            for (int[] card : cardsWithin(run.group())) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, run.start() + card[0]).append(PropertyMarks.MASK);
                copied = run.start() + card[1];
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** The start and end (exclusive) within {@code run} of each card number made of whole digit groups. */
    private static List<int[]> cardsWithin(String run) {
        List<int[]> groups = new ArrayList<>();
        Matcher separator = SEPARATOR.matcher(run);
        int start = 0;
        while (separator.find()) {
            groups.add(new int[]{start, separator.start()});
            start = separator.end();
        }
        groups.add(new int[]{start, run.length()});
        List<int[]> cards = new ArrayList<>();
        int first = 0;
        while (first < groups.size()) {
            int found = -1;
            int digits = 0;
            // at most 19 digits: a stretch is short, so this stays linear in the run's length
            for (int last = first; last < groups.size(); last++) {
                digits += groups.get(last)[1] - groups.get(last)[0];
                if (digits > 19) {
                    break;
                }
                if (digits >= 13 && isCardNumber(run.substring(groups.get(first)[0], groups.get(last)[1]))) {
                    found = last;
                }
            }
            if (found >= 0) {
                cards.add(new int[]{groups.get(first)[0], groups.get(found)[1]});
                first = found + 1;
            } else {
                first++;
            }
        }
        return cards;
    }

    /** 13 to 19 digits (spaces and dashes between them ignored) that pass the Luhn check. */
    static boolean isCardNumber(String text) {
        int sum = 0;
        int count = 0;
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == ' ' || c == '-') {
                continue;
            }
            if (c < '0' || c > '9') {
                return false;
            }
            int digit = c - '0';
            if (count % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            count++;
        }
        return count >= 13 && count <= 19 && sum % 10 == 0;
    }
}
