package dev.hench.agent.transport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one JSON object from a collector line into maps, lists, strings, {@code Long} or
 * {@code Double} numbers, booleans and nulls. Collector messages are few and small, so this
 * reader favours plain code over speed and allocates freely.
 *
 * <p>Stateless apart from one parse; create one per line.
 */
final class JsonReader {

    private static final int MAX_DEPTH = 32;

    private final String text;
    private int position;

    private JsonReader(String text) {
        this.text = text;
    }

    /**
     * Parses {@code line}, which must hold exactly one JSON object.
     *
     * @throws IllegalArgumentException naming the offset when the line is not valid JSON or not
     *     an object
     */
    static Map<String, Object> parseObject(String line) {
        JsonReader reader = new JsonReader(line);
        reader.skipWhitespace();
        if (!reader.peekIs('{')) {
            throw reader.error("expected '{'");
        }
        Map<String, Object> result = reader.readObject(0);
        reader.skipWhitespace();
        if (reader.position != line.length()) {
            throw reader.error("unexpected text after the object");
        }
        return result;
    }

    private Object readValue(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        skipWhitespace();
        if (position >= text.length()) {
            throw error("unexpected end of line");
        }
        char c = text.charAt(position);
        switch (c) {
            case '{':
                return readObject(depth + 1);
            case '[':
                return readArray(depth + 1);
            case '"':
                return readString();
            case 't':
                return readLiteral("true", Boolean.TRUE);
            case 'f':
                return readLiteral("false", Boolean.FALSE);
            case 'n':
                return readLiteral("null", null);
            default:
                return readNumber();
        }
    }

    private Map<String, Object> readObject(int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        position++;
        skipWhitespace();
        if (peekIs('}')) {
            position++;
            return object;
        }
        while (true) {
            skipWhitespace();
            if (!peekIs('"')) {
                throw error("expected a field name");
            }
            String name = readString();
            skipWhitespace();
            expect(':');
            object.put(name, readValue(depth));
            skipWhitespace();
            if (peekIs(',')) {
                position++;
            } else {
                expect('}');
                return object;
            }
        }
    }

    private List<Object> readArray(int depth) {
        List<Object> array = new ArrayList<>();
        position++;
        skipWhitespace();
        if (peekIs(']')) {
            position++;
            return array;
        }
        while (true) {
            array.add(readValue(depth));
            skipWhitespace();
            if (peekIs(',')) {
                position++;
            } else {
                expect(']');
                return array;
            }
        }
    }

    private String readString() {
        position++;
        StringBuilder value = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                value.append(readEscape());
            } else if (c < 0x20) {
                throw error("control character in string");
            } else {
                value.append(c);
            }
        }
        throw error("unterminated string");
    }

    private char readEscape() {
        if (position >= text.length()) {
            throw error("unterminated escape");
        }
        char c = text.charAt(position++);
        switch (c) {
            case '"':
            case '\\':
            case '/':
                return c;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                return readUnicodeEscape();
            default:
                throw error("invalid escape '\\" + c + "'");
        }
    }

    private char readUnicodeEscape() {
        if (position + 4 > text.length()) {
            throw error("short \\u escape");
        }
        try {
            char c = (char) Integer.parseInt(text.substring(position, position + 4), 16);
            position += 4;
            return c;
        } catch (NumberFormatException e) {
            throw error("invalid \\u escape");
        }
    }

    private Object readNumber() {
        int start = position;
        while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
        String number = text.substring(start, position);
        if (number.isEmpty()) {
            throw error("unexpected character '" + text.charAt(start) + "'");
        }
        try {
            if (number.indexOf('.') < 0 && number.indexOf('e') < 0 && number.indexOf('E') < 0) {
                return Long.parseLong(number);
            }
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            position = start;
            throw error("invalid number '" + number + "'");
        }
    }

    private Object readLiteral(String literal, Object value) {
        if (!text.startsWith(literal, position)) {
            throw error("expected " + literal);
        }
        position += literal.length();
        return value;
    }

    private void expect(char c) {
        if (!peekIs(c)) {
            throw error("expected '" + c + "'");
        }
        position++;
    }

    private boolean peekIs(char c) {
        return position < text.length() && text.charAt(position) == c;
    }

    private void skipWhitespace() {
        while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("invalid JSON at offset " + position + ": " + problem);
    }
}
