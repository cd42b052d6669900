package io.mcpee.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque pagination cursors: clients must not parse them, so they carry the offset in a versioned wrapper. */
public final class Cursor {
    private static final String PREFIX = "mcpee-v1:";

    private Cursor() {
    }

    public static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.US_ASCII));
    }

    /** The offset a cursor stands for; -32602 for anything this server did not issue. */
    public static int decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                int offset = Integer.parseInt(text.substring(PREFIX.length()));
                if (offset > 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new ProtocolException(ErrorCode.INVALID_PARAMS, "Invalid cursor");
    }
}
