package org.adcckb.reasoning;

import java.util.Map;
import java.util.Objects;

/**
 * How one fact value reads in an explanation: its key, type, sentence and fields. Immutable. The reasoner
 * makes one per distinct value and hands the same object to every result that holds an equal fact (a
 * cohort repeats a few hundred facts millions of times), so whatever a writer makes from it, such as its
 * JSON, it can make once and find again by the object's identity.
 */
public final class Described {
    private final String key;
    private final String type;
    private final String text;
    private final Map<String, Object> data;

    /** @param data the fields in declaration order; kept as given, so pass an unmodifiable map */
    public Described(String key, String type, String text, Map<String, Object> data) {
        this.key = Objects.requireNonNull(key);
        this.type = Objects.requireNonNull(type);
        this.text = Objects.requireNonNull(text);
        this.data = Objects.requireNonNull(data);
    }

    public String key() {
        return key;
    }

    public String type() {
        return type;
    }

    public String text() {
        return text;
    }

    public Map<String, Object> data() {
        return data;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Described d && key.equals(d.key) && type.equals(d.type)
                && text.equals(d.text) && data.equals(d.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, type, text, data);
    }

    @Override
    public String toString() {
        return key;
    }
}
