package io.antfleet.cli;

import io.antfleet.fleet.ProcessManager;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

final class ProcessManagerConverter implements ITypeConverter<ProcessManager> {
    @Override
    public ProcessManager convert(String value) {
        try {
            return ProcessManager.fromLabel(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
