package io.antfleet.standin.v2;

/**
 * The two Autonomi v2 images every contract IT runs against: the stand-in image, and the production recipe
 * ({@code Dockerfile.ant-production} on Debian bookworm) built with the same stand-in binaries. Both come from
 * {@code agent-image/build-ant}.
 */
enum V2Image {
    STAND_IN("antfleet/agent:ant-stand-in"),
    PRODUCTION_STANDIN("antfleet/agent:ant-production-standin");

    private final String name;

    V2Image(String name) {
        this.name = name;
    }

    String imageName() {
        return name;
    }
}
