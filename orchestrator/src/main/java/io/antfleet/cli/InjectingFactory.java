package io.antfleet.cli;

import static java.util.Objects.requireNonNull;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provider;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * picocli's factory, backed by Guice: a command whose constructor is marked {@code @Inject} gets its
 * services as {@link Provider}s from the injector. The injector is built on the first {@code get()},
 * after the command line is parsed (the global options choose the database), so a command that needs no
 * database never opens one. Other classes (converters, version providers) come from picocli's own factory.
 */
final class InjectingFactory implements CommandLine.IFactory {
    private final Supplier<Injector> injector;

    InjectingFactory(Supplier<Injector> injector) {
        this.injector = requireNonNull(injector, "injector is null");
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Optional<Constructor<?>> injected = injectedConstructor(type);
        if (injected.isEmpty()) {
            return CommandLine.defaultFactory().create(type);
        }
        Constructor<?> constructor = injected.get();
        Type[] parameters = constructor.getGenericParameterTypes();
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            arguments[i] = lazy(keyOf(type, parameters[i]));
        }
        constructor.setAccessible(true);
        return type.cast(constructor.newInstance(arguments));
    }

    /** The constructor a command marks {@code @Inject}, if any. */
    static Optional<Constructor<?>> injectedConstructor(Class<?> type) {
        return Arrays.stream(type.getDeclaredConstructors())
                .filter(c -> c.isAnnotationPresent(jakarta.inject.Inject.class) || c.isAnnotationPresent(com.google.inject.Inject.class))
                .findFirst();
    }

    /** What a {@code Provider<T>} parameter provides; commands take nothing else, so that nothing is built early. */
    static Key<?> keyOf(Class<?> command, Type parameter) {
        if (parameter instanceof ParameterizedType && ((ParameterizedType) parameter).getRawType() == Provider.class) {
            return Key.get(((ParameterizedType) parameter).getActualTypeArguments()[0]);
        }
        throw new IllegalStateException(command.getSimpleName() + "'s @Inject constructor takes " + parameter
                + "; a command takes only com.google.inject.Provider<T> parameters");
    }

    private <T> Provider<T> lazy(Key<T> key) {
        return () -> injector.get().getInstance(key);
    }
}
