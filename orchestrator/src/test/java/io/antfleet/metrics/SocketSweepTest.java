package io.antfleet.metrics;

class SocketSweepTest extends MetricsSweepContract {
    @Override
    SweepTransport transport() {
        return SweepTransport.SOCKET;
    }

    @Override
    String stalledBodyReason() {
        return "timed out after 1000 ms";
    }
}
