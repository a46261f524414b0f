package io.antfleet.antctl;

/** There is no runnable antctl where antfleet looked. */
public class AntctlMissingException extends UnsupportedAntctlException {
    public AntctlMissingException(String target, String antctlPath, String detail) {
        super("antctl ('" + antctlPath + "') was not found in " + target + ": " + detail
                + ". Use an image that provides antctl, e.g. antfleet/agent:stand-in (tests) or the production "
                + "agent image, or set the antctl path.");
    }
}
