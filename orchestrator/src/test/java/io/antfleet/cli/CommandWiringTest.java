package io.antfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import com.google.inject.Key;
import io.antfleet.config.GlobalOptions;
import io.antfleet.config.OutputFormat;
import io.antfleet.engine.run.RunLoop;
import java.lang.reflect.Constructor;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandWiringTest {
    /** A URL no driver accepts: building anything that opened the database would fail. */
    private final Injector injector = Bootstrap.injector(Bootstrap.modules(new GlobalOptions(
            Optional.of("jdbc:nonsense"), Optional.empty(), OutputFormat.TABLE, false)));

    private static List<Class<?>> commands() {
        List<Class<?>> classes = new ArrayList<>();
        collect(new CommandLine(new AntfleetCommand(Bootstrap::modules), new InjectingFactory(() -> {
            throw new AssertionError("building the command tree must not build the injector");
        })), classes);
        return classes;
    }

    private static void collect(CommandLine command, List<Class<?>> classes) {
        classes.add(command.getCommand().getClass());
        command.getSubcommands().values().forEach(sub -> collect(sub, classes));
    }

    @Test
    void everyServiceACommandIsInjectedWithIsBoundByTheProductionModules() {
        List<String> unbound = new ArrayList<>();
        int injected = 0;
        for (Class<?> command : commands()) {
            Optional<Constructor<?>> constructor = InjectingFactory.injectedConstructor(command);
            if (constructor.isEmpty()) {
                continue;
            }
            for (Type parameter : constructor.get().getGenericParameterTypes()) {
                Key<?> key = InjectingFactory.keyOf(command, parameter);
                injected++;
                if (injector.getExistingBinding(key) == null) {
                    unbound.add(command.getSimpleName() + " needs " + key);
                }
            }
        }

        assertThat(unbound).isEmpty();
        assertThat(injected).as("services injected into commands").isGreaterThanOrEqualTo(8);
    }

    @Test
    void theRunLoopIsWiredWithoutOpeningTheDatabase() {
        RunLoop loop = injector.getInstance(RunLoop.class);

        assertThat(loop).isNotSameAs(injector.getInstance(RunLoop.class));
    }
}
