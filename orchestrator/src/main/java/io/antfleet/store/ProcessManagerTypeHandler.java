package io.antfleet.store;

import io.antfleet.fleet.ProcessManager;

/** {@link ProcessManager} as the label users know ({@code antctl+user}, {@code antctl+sudo}). */
final class ProcessManagerTypeHandler extends TextTypeHandler<ProcessManager> {
    @Override
    String toText(ProcessManager value) {
        return value.label();
    }

    @Override
    ProcessManager fromText(String text) {
        return text == null ? null : ProcessManager.fromLabel(text);
    }
}
