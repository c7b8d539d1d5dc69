package dev.hench.agent.options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses and validates the agent argument ({@code key=value,key=value}) and the matching
 * {@code HENCH_*} environment variables. A key in the agent argument wins over its environment
 * variable. Every problem is collected, so the user sees all of them at once.
 *
 * <p>Stateless and thread-safe. It reads only the maps and system properties it is given, so it
 * touches neither java.util.logging nor JMX.
 */
public final class OptionsParser {

    static final int MIN_BUFFER_SLOTS = 16;
    static final int MAX_BUFFER_SLOTS = 1_000_000;
    static final long MIN_INTERVAL_MILLIS = 100;
    static final long MAX_INTERVAL_MILLIS = 3_600_000;
    static final long MIN_BUFFER_MILLIS = 1_000;
    static final long MAX_BUFFER_MILLIS = 86_400_000;
    static final int MIN_STACK_DEPTH = 1;
    static final int MAX_STACK_DEPTH = 2048;

    private static final String PHASE_PREFIX = "phase.";
    private static final Pattern WORKER_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    private static final Pattern PHASE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern JAVA_NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    /** Option key to environment variable, in the order the documentation lists them. */
    public static final Map<String, String> ENVIRONMENT_VARIABLES = environmentVariables();

    private final Map<String, String> environment;
    private final Map<String, String> systemProperties;

    /**
     * @param environment the process environment, normally {@link System#getenv()}
     * @param systemProperties values of {@code java.io.tmpdir}, {@code user.name} and {@code pid}
     *     used for defaults
     */
    public OptionsParser(Map<String, String> environment, Map<String, String> systemProperties) {
        this.environment = environment;
        this.systemProperties = systemProperties;
    }

    /** Parses the agent argument, which may be null or empty, together with the environment. */
    public ParseResult parse(String agentArgument) {
        List<OptionProblem> problems = new ArrayList<>();
        Map<String, String> values = mergedValues(agentArgument, problems);
        List<PhaseTarget> phases = phaseTargets(values, problems);
        AgentOptions options = new AgentOptions(
                parseBoolean(values, "enabled", true, problems),
                parseCollector(values.get("collector"), problems),
                parseWorkerId(values.get("worker"), problems),
                parseDuration(values, "interval", 1_000, MIN_INTERVAL_MILLIS, MAX_INTERVAL_MILLIS, problems),
                parseDuration(values, "buffer", 600_000, MIN_BUFFER_MILLIS, MAX_BUFFER_MILLIS, problems),
                parseBoolean(values, "jfr", true, problems),
                parseBoolean(values, "detail", true, problems),
                parseStackDepth(values.get("detail.stackDepth"), problems),
                phases);
        return new ParseResult(problems.isEmpty() ? options : null, problems);
    }

    private Map<String, String> mergedValues(String agentArgument, List<OptionProblem> problems) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : ENVIRONMENT_VARIABLES.entrySet()) {
            String fromEnvironment = environment.get(entry.getValue());
            if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
                values.put(entry.getKey(), fromEnvironment);
            }
        }
        addEnvironmentPhases(values, problems);
        if (agentArgument == null || agentArgument.isBlank()) {
            return values;
        }
        for (String pair : agentArgument.split(",", -1)) {
            addPair(values, pair.trim(), problems);
        }
        return values;
    }

    private void addEnvironmentPhases(Map<String, String> values, List<OptionProblem> problems) {
        String phases = environment.get("HENCH_PHASES");
        if (phases == null || phases.isBlank()) {
            return;
        }
        for (String pair : phases.split(";", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                problems.add(new OptionProblem("HENCH_PHASES", pair,
                        "must be a ';'-separated list of NAME=com.example.Class#method"));
                continue;
            }
            values.put(PHASE_PREFIX + pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
    }

    private static void addPair(Map<String, String> values, String pair, List<OptionProblem> problems) {
        int equals = pair.indexOf('=');
        if (equals <= 0) {
            problems.add(new OptionProblem("agent argument", pair,
                    "must be key=value (pairs separated by ','); known keys: " + knownKeys()));
            return;
        }
        String key = pair.substring(0, equals).trim();
        if (!ENVIRONMENT_VARIABLES.containsKey(key) && !key.startsWith(PHASE_PREFIX)) {
            problems.add(new OptionProblem(key, pair.substring(equals + 1),
                    "is not a known option; known keys: " + knownKeys()));
            return;
        }
        values.put(key, pair.substring(equals + 1).trim());
    }

    private static String knownKeys() {
        return String.join(", ", ENVIRONMENT_VARIABLES.keySet()) + ", phase.NAME";
    }

    private CollectorAddress parseCollector(String value, List<OptionProblem> problems) {
        if (value == null) {
            return CollectorAddress.unix(defaultSocketPath());
        }
        String allowed = "must be unix:/absolute/path or tcp:HOST:PORT with PORT 1-65535";
        if (value.startsWith("unix:")) {
            String path = value.substring("unix:".length());
            if (!path.startsWith("/")) {
                problems.add(new OptionProblem("collector", value, allowed));
                return null;
            }
            return CollectorAddress.unix(Path.of(path));
        }
        if (value.startsWith("tcp:")) {
            return parseTcp(value, allowed, problems);
        }
        problems.add(new OptionProblem("collector", value, allowed));
        return null;
    }

    private static CollectorAddress parseTcp(String value, String allowed, List<OptionProblem> problems) {
        String hostPort = value.substring("tcp:".length());
        int colon = hostPort.lastIndexOf(':');
        int port = colon > 0 ? parsePort(hostPort.substring(colon + 1)) : -1;
        if (port < 1) {
            problems.add(new OptionProblem("collector", value, allowed));
            return null;
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return CollectorAddress.tcp(host, port);
    }

    private static int parsePort(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        int port = Integer.parseInt(text);
        return port <= 65_535 ? port : -1;
    }

    /** Returns {@code ${java.io.tmpdir}/hench-${user.name}/collector.sock}, as the protocol specifies. */
    public Path defaultSocketPath() {
        String tmp = systemProperties.getOrDefault("java.io.tmpdir", "/tmp");
        String user = systemProperties.getOrDefault("user.name", "unknown");
        return Path.of(tmp, "hench-" + user, "collector.sock");
    }

    private String parseWorkerId(String value, List<OptionProblem> problems) {
        if (value == null) {
            return defaultWorkerId();
        }
        if (!WORKER_ID.matcher(value).matches()) {
            problems.add(new OptionProblem("worker", value,
                    "must be 1-128 characters from A-Z a-z 0-9 . _ : @ -"));
            return null;
        }
        return value;
    }

    /** Returns HOSTNAME-PID, with characters outside the allowed set replaced by '-'. */
    String defaultWorkerId() {
        String host = hostName();
        String pid = systemProperties.getOrDefault("pid", "0");
        String id = (host + "-" + pid).replaceAll("[^A-Za-z0-9._:@-]", "-");
        return id.length() > 128 ? id.substring(id.length() - 128) : id;
    }

    private String hostName() {
        String fromEnvironment = environment.get("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.trim();
        }
        try {
            // Read the kernel's name rather than InetAddress, which may block on a DNS lookup.
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (java.io.IOException | RuntimeException notLinux) {
            return "worker";
        }
    }

    private static long parseDuration(Map<String, String> values, String key, long defaultMillis,
            long minMillis, long maxMillis, List<OptionProblem> problems) {
        String value = values.get(key);
        if (value == null) {
            return defaultMillis;
        }
        long millis = parseDurationMillis(value);
        if (millis < minMillis || millis > maxMillis) {
            problems.add(new OptionProblem(key, value, "must be a duration such as 500ms, 1s, 10m or 1h, between "
                    + formatMillis(minMillis) + " and " + formatMillis(maxMillis)));
        }
        return millis;
    }

    /** Returns the duration in milliseconds, or -1 when {@code value} is not NUMBER(ms|s|m|h). */
    static long parseDurationMillis(String value) {
        var matcher = DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return -1;
        }
        long amount = Long.parseLong(matcher.group(1));
        switch (matcher.group(2)) {
            case "ms":
                return amount;
            case "s":
                return amount * 1_000;
            case "m":
                return amount * 60_000;
            default:
                return amount * 3_600_000;
        }
    }

    private static String formatMillis(long millis) {
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        return millis % 1_000 == 0 ? millis / 1_000 + "s" : millis + "ms";
    }

    private static boolean parseBoolean(Map<String, String> values, String key, boolean defaultValue,
            List<OptionProblem> problems) {
        String value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        problems.add(new OptionProblem(key, value, "must be true or false"));
        return defaultValue;
    }

    private static int parseStackDepth(String value, List<OptionProblem> problems) {
        if (value == null) {
            return 64;
        }
        int depth = value.matches("\\d{1,5}") ? Integer.parseInt(value) : -1;
        if (depth < MIN_STACK_DEPTH || depth > MAX_STACK_DEPTH) {
            problems.add(new OptionProblem("detail.stackDepth", value,
                    "must be a whole number between " + MIN_STACK_DEPTH + " and " + MAX_STACK_DEPTH));
        }
        return depth;
    }

    private static List<PhaseTarget> phaseTargets(Map<String, String> values, List<OptionProblem> problems) {
        List<PhaseTarget> targets = new ArrayList<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (entry.getKey().startsWith(PHASE_PREFIX)) {
                PhaseTarget target = parsePhase(entry.getKey(), entry.getValue(), problems);
                if (target != null) {
                    targets.add(target);
                }
            }
        }
        return List.copyOf(targets);
    }

    private static PhaseTarget parsePhase(String key, String value, List<OptionProblem> problems) {
        String name = key.substring(PHASE_PREFIX.length());
        if (!PHASE_NAME.matcher(name).matches()) {
            problems.add(new OptionProblem(key, value,
                    "has an invalid phase name; use 1-64 characters from A-Z a-z 0-9 . _ -"));
            return null;
        }
        int hash = value.indexOf('#');
        String className = hash > 0 ? value.substring(0, hash) : "";
        String methodName = hash > 0 ? value.substring(hash + 1) : "";
        if (!isBinaryClassName(className) || !JAVA_NAME.matcher(methodName).matches()) {
            problems.add(new OptionProblem(key, value,
                    "must be a class and method such as com.example.Worker#execute"));
            return null;
        }
        if (className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")) {
            problems.add(new OptionProblem(key, value, "must name an application class, not a JDK class"));
            return null;
        }
        return new PhaseTarget(name, className, methodName);
    }

    private static boolean isBinaryClassName(String className) {
        if (className.isEmpty()) {
            return false;
        }
        for (String part : className.split("\\.", -1)) {
            if (!JAVA_NAME.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> environmentVariables() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("enabled", "HENCH_ENABLED");
        keys.put("collector", "HENCH_COLLECTOR");
        keys.put("worker", "HENCH_WORKER");
        keys.put("interval", "HENCH_INTERVAL");
        keys.put("buffer", "HENCH_BUFFER");
        keys.put("jfr", "HENCH_JFR");
        keys.put("detail", "HENCH_DETAIL");
        keys.put("detail.stackDepth", "HENCH_DETAIL_STACK_DEPTH");
        return java.util.Collections.unmodifiableMap(keys);
    }

    /**
     * The outcome of {@link #parse}: either valid options and no problems, or null options and
     * at least one problem.
     */
    public record ParseResult(AgentOptions options, List<OptionProblem> problems) {

        public boolean isValid() {
            return options != null;
        }
    }
}
