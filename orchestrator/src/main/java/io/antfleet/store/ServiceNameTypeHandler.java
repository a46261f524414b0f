package io.antfleet.store;

import io.antfleet.fleet.ServiceName;

/** {@link ServiceName} as its text, {@code antnode<N>}. */
final class ServiceNameTypeHandler extends TextTypeHandler<ServiceName> {
    @Override
    String toText(ServiceName value) {
        return value.value();
    }

    @Override
    ServiceName fromText(String text) {
        return text == null ? null : ServiceName.of(text);
    }
}
