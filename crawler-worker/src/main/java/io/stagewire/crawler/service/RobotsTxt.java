package io.stagewire.crawler.service;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A shop's robots.txt as RFC 9309 reads it: the groups naming our product token ({@value #AGENT}) if there are
 * any, else those for {@code *}; the longest matching Allow or Disallow pattern decides (Allow on a tie), with
 * {@code *} and a trailing {@code $} as wildcards. Sitemap lines are kept for discovery.
 */
final class RobotsTxt {

    static final String AGENT = "stagewire";
    /** RFC 9309 asks crawlers to parse at least 500 KiB; more is cut off. */
    static final int MAX_CHARS = 512 * 1024;

    private static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of(), List.of());

    private record Rule(boolean allow, String pattern, Pattern regex) {
    }

    private final List<Rule> rules;
    private final List<String> sitemaps;

    private RobotsTxt(List<Rule> rules, List<String> sitemaps) {
        this.rules = rules;
        this.sitemaps = sitemaps;
    }

    /** No robots.txt (404 and other 4xx): everything may be crawled. */
    static RobotsTxt allowAll() {
        return ALLOW_ALL;
    }

    static RobotsTxt parse(String text) {
        List<Rule> ours = new ArrayList<>();
        List<Rule> anyone = new ArrayList<>();
        List<String> sitemaps = new ArrayList<>();
        boolean groupIsOurs = false;
        boolean groupIsAnyone = false;
        boolean inAgentLines = false;
        String body = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        for (String raw : body.split("\r\n|\r|\n")) {
            int comment = raw.indexOf('#');
            String line = (comment < 0 ? raw : raw.substring(0, comment)).strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "user-agent" -> {
                    if (!inAgentLines) {
                        groupIsOurs = false;
                        groupIsAnyone = false;
                    }
                    inAgentLines = true;
                    String agent = value.toLowerCase(Locale.ROOT);
                    groupIsOurs |= agent.equals(AGENT) || agent.startsWith(AGENT + "/");
                    groupIsAnyone |= agent.equals("*");
                }
                case "allow", "disallow" -> {
                    inAgentLines = false;
                    if (!value.isEmpty() && (groupIsOurs || groupIsAnyone)) {
                        Rule rule = new Rule(key.equals("allow"), value, regex(value));
                        (groupIsOurs ? ours : anyone).add(rule);
                    }
                }
                case "sitemap" -> sitemaps.add(value);
                default -> inAgentLines = false;
            }
        }
        return new RobotsTxt(List.copyOf(ours.isEmpty() ? anyone : ours), List.copyOf(sitemaps));
    }

    boolean allows(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (path.equals("/robots.txt")) {
            return true;
        }
        String target = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        Rule decisive = null;
        for (Rule rule : rules) {
            if (rule.regex().matcher(target).lookingAt()
                    && (decisive == null || rule.pattern().length() > decisive.pattern().length()
                            || rule.pattern().length() == decisive.pattern().length() && rule.allow())) {
                decisive = rule;
            }
        }
        return decisive == null || decisive.allow();
    }

    List<String> sitemaps() {
        return sitemaps;
    }

    private static Pattern regex(String pattern) {
        boolean anchored = pattern.endsWith("$");
        String body = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        StringBuilder regex = new StringBuilder();
        for (String part : body.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex + (anchored ? "$" : ""));
    }
}
