package io.antfleet.metrics;

class JdkHttpSweepTest extends MetricsSweepContract {
    @Override
    SweepTransport transport() {
        return SweepTransport.JDK_HTTP_CLIENT;
    }

    @Override
    String stalledBodyReason() {
        return "timed out after 3250 ms (stalled body)";
    }
}
