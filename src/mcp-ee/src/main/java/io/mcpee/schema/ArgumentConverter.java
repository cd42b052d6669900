package io.mcpee.schema;

import io.mcpee.protocol.JsonText;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Turns checked tool arguments into the Java values a resource method takes, by the rules JAX-RS applies to a
 * REST call: for named parameters primitive parsing, a {@link ParamConverter}, a String constructor, then
 * {@code valueOf}/{@code fromString}, element by element for List/Set/SortedSet; JSON-B for the entity body.
 */
public final class ArgumentConverter {
    /** More integer digits than JSON-P reads in a number (1100 characters): longer is not a value but an attack. */
    private static final int MAX_DIGITS = 1100;

    private final Jsonb jsonb;
    private final List<ParamConverterProvider> converters;

    public ArgumentConverter(Jsonb jsonb, List<ParamConverterProvider> converters) {
        this.jsonb = jsonb;
        this.converters = List.copyOf(converters);
    }

    /** A value that cannot be converted; the message names the argument and is safe to show the caller. */
    public static final class ConversionException extends Exception {
        ConversionException(String message) {
            super(message, null, false, false);
        }
    }

    public Object[] convert(List<Argument> parameters, JsonObject arguments, Function<Class<?>, Object> context)
            throws ConversionException {
        Object[] values = new Object[parameters.size()];
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Argument parameter = parameters.get(i);
            try {
                if (parameter instanceof Argument.Named named) {
                    values[i] = named(named, arguments.get(named.name()));
                } else if (parameter instanceof Argument.Body body) {
                    values[i] = body(body, arguments.get(body.name()));
                } else if (parameter instanceof Argument.Bean bean) {
                    values[i] = bean(bean, arguments);
                } else {
                    values[i] = context.apply(((Argument.Context) parameter).type());
                }
            } catch (ConversionException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConversionException(String.join("; ", problems));
        }
        return values;
    }

    private Object named(Argument.Named named, JsonValue value) throws ConversionException {
        Class<?> raw = SchemaGenerator.raw(named.type());
        boolean collection = raw == List.class || raw == java.util.Set.class || raw == SortedSet.class
                || raw == Collection.class;
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (named.defaultValue() != null) {
                return collection ? collect(raw, List.of(fromText(named, element(named), named.defaultValue())))
                        : fromText(named, raw, named.defaultValue());
            }
            return collection ? collect(raw, List.of()) : emptyValue(raw);
        }
        if (collection) {
            List<Object> elements = new ArrayList<>();
            Iterable<JsonValue> items = value.getValueType() == JsonValue.ValueType.ARRAY ? value.asJsonArray()
                    : List.of(value);
            for (JsonValue item : items) {
                elements.add(fromText(named, element(named), text(item)));
            }
            return collect(raw, elements);
        }
        if (value instanceof JsonNumber number && SchemaValidator.isIntegral(number)) {
            // the common case of an id: no detour through text (out of range, it goes that way and is refused)
            BigDecimal exact = number.bigDecimalValue();
            if ((raw == long.class || raw == Long.class) && within(exact, Long.MIN_VALUE, Long.MAX_VALUE)) {
                return exact.longValue();
            }
            if ((raw == int.class || raw == Integer.class) && within(exact, Integer.MIN_VALUE, Integer.MAX_VALUE)) {
                return exact.intValue();
            }
        }
        return fromText(named, raw, text(value));
    }

    private static Class<?> element(Argument.Named named) {
        return SchemaGenerator.raw(SchemaGenerator.typeArgument(named.type(), 0));
    }

    private Object body(Argument.Body body, JsonValue value) throws ConversionException {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return SchemaGenerator.raw(body.type()) == java.util.Optional.class ? java.util.Optional.empty() : null;
        }
        try {
            if (SchemaGenerator.raw(body.type()) == String.class && value instanceof JsonString s) {
                return s.getString();
            }
            return jsonb.fromJson(value.toString(), body.type());
        } catch (JsonbException | IllegalArgumentException e) {
            throw new ConversionException(body.name() + ": does not have the structure of the expected value");
        }
    }

    private Object bean(Argument.Bean bean, JsonObject arguments) throws ConversionException {
        Object instance;
        try {
            Constructor<?> constructor = bean.type().getDeclaredConstructor();
            constructor.setAccessible(true);
            instance = constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ConversionException("arguments: the parameter bean cannot be created");
        }
        for (Argument.BeanField field : bean.fields()) {
            Object value = named(field.value(), arguments.get(field.value().name()));
            try {
                field.field().setAccessible(true);
                field.field().set(instance, value);
            } catch (IllegalAccessException e) {
                throw new ConversionException(field.value().name() + ": cannot be set");
            }
        }
        return instance;
    }

    /** What JAX-RS passes for an absent parameter without a default: zero for primitives, else null. */
    private static Object emptyValue(Class<?> raw) {
        if (!raw.isPrimitive()) {
            return null;
        }
        if (raw == boolean.class) {
            return false;
        }
        if (raw == char.class) {
            return '\0';
        }
        return fromPrimitiveText(raw, "0");
    }

    private static Object collect(Class<?> raw, List<Object> elements) {
        if (raw == SortedSet.class) {
            return new TreeSet<>(elements);
        }
        if (raw == java.util.Set.class) {
            return new LinkedHashSet<>(elements);
        }
        return List.copyOf(elements);
    }

    private static boolean within(BigDecimal value, long min, long max) {
        return value.compareTo(BigDecimal.valueOf(min)) >= 0 && value.compareTo(BigDecimal.valueOf(max)) <= 0;
    }

    public static String text(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> {
                // an integral number in its digits ("1e3" is "1000"), unless there would be more of them than any
                // number type holds: "1e999999999" stays as it is rather than become a billion digits
                JsonNumber number = (JsonNumber) value;
                BigDecimal decimal = number.bigDecimalValue();
                yield SchemaValidator.isIntegral(number) && decimal.precision() - decimal.scale() <= MAX_DIGITS
                        ? decimal.toBigInteger().toString() : number.toString();
            }
            default -> value.toString();
        };
    }

    private Object fromText(Argument.Named named, Class<?> raw, String text) throws ConversionException {
        try {
            if (raw.isPrimitive() || raw == String.class) {
                return fromPrimitiveText(raw, text);
            }
            Annotation[] annotations = named.annotations().toArray(Annotation[]::new);
            for (ParamConverterProvider provider : converters) {
                @SuppressWarnings("unchecked")
                ParamConverter<Object> converter = (ParamConverter<Object>) provider.getConverter(
                        (Class<Object>) raw, named.type(), annotations);
                if (converter != null) {
                    return converter.fromString(text);
                }
            }
            if (raw == Character.class) {
                return fromPrimitiveText(char.class, text);
            }
            return byConvention(raw, text);
        } catch (RuntimeException | ReflectiveOperationException e) {
            throw new ConversionException(named.name() + ": the value cannot be read as " + friendly(raw));
        }
    }

    private static Object fromPrimitiveText(Class<?> raw, String text) {
        if (raw == String.class) {
            return text;
        }
        if (raw == int.class) {
            return Integer.parseInt(text);
        }
        if (raw == long.class) {
            return Long.parseLong(text);
        }
        if (raw == boolean.class) {
            return Boolean.parseBoolean(text);
        }
        if (raw == double.class) {
            return Double.parseDouble(text);
        }
        if (raw == float.class) {
            return Float.parseFloat(text);
        }
        if (raw == short.class) {
            return Short.parseShort(text);
        }
        if (raw == byte.class) {
            return Byte.parseByte(text);
        }
        if (text.length() != 1) {
            throw new IllegalArgumentException("not one character");
        }
        return text.charAt(0);
    }

    /** JAX-RS: a String constructor, else valueOf/fromString (fromString first for enums); found once per type. */
    private static final ClassValue<TextConstructor> CONVENTIONS = new ClassValue<>() {
        @Override
        protected TextConstructor computeValue(Class<?> raw) {
            if (!raw.isEnum()) {
                try {
                    Constructor<?> constructor = raw.getConstructor(String.class);
                    return constructor::newInstance;
                } catch (NoSuchMethodException e) {
                    // not this convention: try the factories
                }
            }
            Method valueOf = factory(raw, "valueOf");
            Method fromString = factory(raw, "fromString");
            Method factory = raw.isEnum() ? (fromString != null ? fromString : valueOf)
                    : (valueOf != null ? valueOf : fromString);
            if (factory == null) {
                return text -> {
                    throw new NoSuchMethodException("no JAX-RS conversion for the type");
                };
            }
            return text -> factory.invoke(null, text);
        }
    };

    /** Makes a value of some type from text. */
    @FunctionalInterface
    private interface TextConstructor {
        Object make(String text) throws ReflectiveOperationException;
    }

    private static Object byConvention(Class<?> raw, String text) throws ReflectiveOperationException {
        try {
            return CONVENTIONS.get(raw).make(text);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("conversion failed", e.getCause());
        }
    }

    private static Method factory(Class<?> raw, String name) {
        try {
            Method method = raw.getMethod(name, String.class);
            return Modifier.isStatic(method.getModifiers()) ? method : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static String friendly(Class<?> raw) {
        if (raw.isEnum()) {
            return "one of its allowed values";
        }
        // what the model must send instead: the range of the common integer types
        if (raw == long.class || raw == Long.class) {
            return "an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (raw == int.class || raw == Integer.class) {
            return "an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (Number.class.isAssignableFrom(raw) || raw.isPrimitive()) {
            return "a number of that type";
        }
        return "the expected type";
    }

    /** A {@code @DefaultValue} as JSON of the advertised type, for the schema's {@code default} keyword. */
    public static JsonValue defaultAsJson(Argument.Named named) {
        Class<?> raw = SchemaGenerator.raw(named.type());
        String text = named.defaultValue();
        try {
            if (raw == boolean.class || raw == Boolean.class) {
                return Boolean.parseBoolean(text) ? JsonValue.TRUE : JsonValue.FALSE;
            }
            if (raw == int.class || raw == long.class || raw == short.class || raw == byte.class
                    || raw == Integer.class || raw == Long.class || raw == Short.class || raw == Byte.class
                    || raw == BigInteger.class) {
                return JsonText.number(Long.parseLong(text.strip()));
            }
            if (raw == double.class || raw == float.class || raw == Double.class || raw == Float.class
                    || raw == BigDecimal.class) {
                return JsonText.BUILDERS.createArrayBuilder().add(new BigDecimal(text.strip())).build().get(0);
            }
        } catch (NumberFormatException e) {
            // a default JAX-RS itself would reject: advertise the text
        }
        return JsonText.string(text);
    }
}
