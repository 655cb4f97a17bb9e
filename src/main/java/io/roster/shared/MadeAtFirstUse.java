package io.roster.shared;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made by the first caller that asks for it, once, rather than at start: for parts whose
 * making loads a library most starts never use. Concurrent first callers wait for the one value;
 * later callers read it without a lock.
 */
public final class MadeAtFirstUse<T> implements Supplier<T> {

    private final Supplier<? extends T> make;
    private volatile T made;

    public MadeAtFirstUse(Supplier<? extends T> make) {
        this.make = Objects.requireNonNull(make);
    }

    @Override
    public T get() {
        T current = made;
        if (current == null) {
            synchronized (this) {
                current = made;
                if (current == null) {
                    current = Objects.requireNonNull(make.get(), "made nothing");
                    made = current;
                }
            }
        }
        return current;
    }
}
