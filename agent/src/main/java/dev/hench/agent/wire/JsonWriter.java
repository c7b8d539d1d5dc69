package dev.hench.agent.wire;

import java.util.Arrays;

/**
 * Writes one JSON object per line into a growable byte array, without allocating once the array
 * is large enough. Strings are escaped and encoded as UTF-8 character by character.
 *
 * <p>Not thread-safe: {@link MessageRing} uses one instance under its lock. Absent values are
 * passed as {@link #ABSENT} and left out of the line, as the protocol requires.
 */
public final class JsonWriter {

    /** Marker for a value the JVM could not provide; fields holding it are not written. */
    public static final long ABSENT = Long.MIN_VALUE;

    private static final byte[] DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int length;
    private boolean needsComma;

    public JsonWriter(int initialCapacityBytes) {
        this.bytes = new byte[initialCapacityBytes];
    }

    /** Points the writer at {@code target}, which it may replace with a larger array. */
    void reset(byte[] target) {
        bytes = target;
        length = 0;
        needsComma = false;
    }

    /** Returns the array holding the line; it may differ from the one given to {@link #reset}. */
    byte[] array() {
        return bytes;
    }

    public int length() {
        return length;
    }

    /** Returns a copy of the bytes written since the last {@link #beginMessage}. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** Starts a line with {@code {"type":TYPE,"seq":SEQ}; a seq of 0 or less is left out. */
    public void beginMessage(String type, long seq) {
        length = 0;
        appendByte('{');
        needsComma = false;
        field("type", type);
        if (seq > 0) {
            field("seq", seq);
        }
    }

    /** Ends the object and the line. */
    public void endMessage() {
        appendByte('}');
        appendByte('\n');
    }

    /** Writes {@code "name":value}, or nothing when the value is {@link #ABSENT}. */
    public void field(String name, long value) {
        if (value == ABSENT) {
            return;
        }
        name(name);
        appendLong(value);
    }

    /** Writes a pre-encoded {@code "name":value}, or nothing when the value is {@link #ABSENT}. */
    public void field(FieldName name, long value) {
        if (value == ABSENT) {
            return;
        }
        name(name);
        appendLong(value);
    }

    /** Writes a pre-encoded {@code "name":"value"}, or nothing when the value is null. */
    public void field(FieldName name, String value) {
        if (value == null) {
            return;
        }
        name(name);
        appendString(value);
    }

    /** Writes {@code "name":"value"}, or nothing when the value is null. */
    public void field(String name, String value) {
        if (value == null) {
            return;
        }
        name(name);
        appendString(value);
    }

    public void field(String name, boolean value) {
        name(name);
        appendAscii(value ? "true" : "false");
    }

    /** Starts {@code "name":[}; close it with {@link #endArray()}. */
    public void beginArray(String name) {
        name(name);
        appendByte('[');
        needsComma = false;
    }

    public void endArray() {
        appendByte(']');
        needsComma = true;
    }

    /** Starts an object inside an array; close it with {@link #endObject()}. */
    public void beginObject() {
        comma();
        appendByte('{');
        needsComma = false;
    }

    public void endObject() {
        appendByte('}');
        needsComma = true;
    }

    /** Writes a string element inside an array. */
    public void element(String value) {
        comma();
        appendString(value);
        needsComma = true;
    }

    private void name(String name) {
        comma();
        appendString(name);
        appendByte(':');
        needsComma = true;
    }

    private void name(FieldName name) {
        byte[] encoded = name.quotedWithColon;
        ensure(encoded.length + 1);
        if (needsComma) {
            bytes[length++] = ',';
        }
        System.arraycopy(encoded, 0, bytes, length, encoded.length);
        length += encoded.length;
        needsComma = true;
    }

    private void comma() {
        if (needsComma) {
            appendByte(',');
        }
    }

    private void appendLong(long value) {
        if (value == Long.MIN_VALUE) {
            appendAscii("-9223372036854775808");
            return;
        }
        if (value < 0) {
            appendByte('-');
            value = -value;
        }
        int digits = digitCount(value);
        ensure(digits);
        for (int i = length + digits - 1; i >= length; i--) {
            bytes[i] = DIGITS[(int) (value % 10)];
            value /= 10;
        }
        length += digits;
    }

    private static int digitCount(long nonNegative) {
        int digits = 1;
        for (long bound = 10; digits < 19 && nonNegative >= bound; bound *= 10) {
            digits++;
        }
        return digits;
    }

    private void appendString(String value) {
        appendByte('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                appendByte('\\');
                appendByte(c);
            } else if (c < 0x20) {
                appendControl(c);
            } else if (c < 0x80) {
                appendByte(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                appendCodePoint(Character.toCodePoint(c, value.charAt(++i)));
            } else if (Character.isSurrogate(c)) {
                appendCodePoint(0xFFFD);
            } else {
                appendCodePoint(c);
            }
        }
        appendByte('"');
    }

    private void appendControl(char c) {
        switch (c) {
            case '\n':
                appendAscii("\\n");
                break;
            case '\r':
                appendAscii("\\r");
                break;
            case '\t':
                appendAscii("\\t");
                break;
            default:
                appendAscii("\\u00");
                appendByte(DIGITS[c >> 4]);
                appendByte(DIGITS[c & 0xF]);
        }
    }

    private void appendCodePoint(int codePoint) {
        if (codePoint < 0x800) {
            appendByte(0xC0 | (codePoint >> 6));
        } else if (codePoint < 0x10000) {
            appendByte(0xE0 | (codePoint >> 12));
            appendByte(0x80 | ((codePoint >> 6) & 0x3F));
        } else {
            appendByte(0xF0 | (codePoint >> 18));
            appendByte(0x80 | ((codePoint >> 12) & 0x3F));
            appendByte(0x80 | ((codePoint >> 6) & 0x3F));
        }
        appendByte(0x80 | (codePoint & 0x3F));
    }

    private void appendAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            appendByte(text.charAt(i));
        }
    }

    private void appendByte(int b) {
        ensure(1);
        bytes[length++] = (byte) b;
    }

    private void ensure(int extraBytes) {
        if (length + extraBytes > bytes.length) {
            // Only oversize messages (large suspects lists) get here; the slot keeps the larger array.
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extraBytes));
        }
    }
}
