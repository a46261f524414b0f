package io.antfleet.store;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway's log, routed to slf4j one level lower: its step-by-step INFO lines are debug detail for
 * antfleet, whose commands print their own result. The notice that H2 2.5 is newer than Flyway
 * has verified is demoted too: the store's suite runs the migrations against H2 2.5 on every build.
 * Named by class in {@link Migrations}, so Flyway creates it.
 */
public final class FlywayLog implements LogCreator {
    private static final String UNVERIFIED_VERSION = "newer than the version Flyway has been verified with";

    @Override
    public Log createLogger(Class<?> type) {
        Logger logger = LoggerFactory.getLogger(type);
        return new Log() {
            @Override
            public boolean isDebugEnabled() {
                return logger.isDebugEnabled();
            }

            @Override
            public void debug(String message) {
                logger.trace(message);
            }

            @Override
            public void info(String message) {
                logger.debug(message);
            }

            @Override
            public void warn(String message) {
                if (message.contains(UNVERIFIED_VERSION)) {
                    logger.debug(message);
                } else {
                    logger.warn(message);
                }
            }

            @Override
            public void error(String message) {
                logger.error(message);
            }

            @Override
            public void error(String message, Exception e) {
                logger.error(message, e);
            }

            @Override
            public void notice(String message) {
                logger.debug(message);
            }
        };
    }
}
