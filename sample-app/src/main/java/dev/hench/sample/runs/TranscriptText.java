package dev.hench.sample.runs;

import java.util.SplittableRandom;

/**
 * Pseudo-random transcript text made of words from a small vocabulary, so that it compresses
 * about as well as real English transcripts (roughly 3 to 4 times with gzip) rather than
 * unrealistically well (repeated text) or not at all (random bytes).
 */
final class TranscriptText {

    private static final String[] WORDS = {
        "the", "worker", "reads", "file", "and", "calls", "tool", "with", "arguments", "result",
        "error", "retry", "heap", "memory", "function", "returns", "value", "list", "of", "items",
        "test", "passed", "failed", "build", "class", "method", "line", "changed", "diff", "patch",
        "assistant", "user", "request", "response", "token", "model", "context", "summary", "plan",
        "step", "next", "check", "output", "input", "json", "parse", "write", "commit", "branch",
    };

    private TranscriptText() {
    }

    /** Returns about {@code chars} characters of words separated by spaces. */
    static String generate(SplittableRandom random, int chars) {
        StringBuilder text = new StringBuilder(chars + 16);
        while (text.length() < chars) {
            text.append(WORDS[random.nextInt(WORDS.length)]);
            text.append(random.nextInt(12) == 0 ? ".\n" : " ");
        }
        return text.toString();
    }
}
