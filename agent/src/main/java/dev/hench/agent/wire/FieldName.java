package dev.hench.agent.wire;

import java.nio.charset.StandardCharsets;

/**
 * A JSON field name encoded once as {@code "name":}, so the sampling path copies it with one
 * array copy instead of escaping it character by character. Immutable.
 */
public final class FieldName {

    final byte[] quotedWithColon;

    private FieldName(byte[] quotedWithColon) {
        this.quotedWithColon = quotedWithColon;
    }

    /**
     * @param name a plain ASCII name without quotes or backslashes
     * @throws IllegalArgumentException when the name needs escaping
     */
    public static FieldName of(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
                throw new IllegalArgumentException("field name must be plain ASCII without quotes: " + name);
            }
        }
        return new FieldName(('"' + name + "\":").getBytes(StandardCharsets.US_ASCII));
    }
}
