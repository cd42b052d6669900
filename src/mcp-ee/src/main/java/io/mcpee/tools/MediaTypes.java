package io.mcpee.tools;

import java.util.Locale;

/** Media type tests on the strings of {@code @Produces} and {@code Content-Type}. */
public final class MediaTypes {

    private MediaTypes() {
    }

    public static String essence(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    public static boolean isJson(String mediaType) {
        String essence = essence(mediaType);
        return essence.equals("application/json") || essence.endsWith("+json");
    }

    public static boolean isText(String mediaType) {
        String essence = essence(mediaType);
        return essence.startsWith("text/") || essence.equals("application/xml") || essence.endsWith("+xml");
    }

    public static boolean isImage(String mediaType) {
        return essence(mediaType).startsWith("image/");
    }

    public static boolean isAudio(String mediaType) {
        return essence(mediaType).startsWith("audio/");
    }

    static boolean isMultipart(String mediaType) {
        return essence(mediaType).startsWith("multipart/");
    }
}
