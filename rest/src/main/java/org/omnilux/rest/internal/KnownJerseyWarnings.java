package org.omnilux.rest.internal;

import java.util.concurrent.Callable;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Silences one false warning of Jersey 3.1 while the application starts: resources registered as instances
 * are reported as "does not implement any provider interfaces ... will be ignored" (one line per resource),
 * although Jersey then serves them normally ({@code ResourceModelConfigurator} checks instances against the
 * resource classes only). Only warnings that name this bundle's resource package are dropped, and only for the
 * duration of the start, so nothing of ours stays attached to the JVM-wide logger.
 */
public final class KnownJerseyWarnings {

    private static final String LOGGER = "org.glassfish.jersey.internal.inject.Providers";
    private static final String RESOURCE_PACKAGE = "org.omnilux.rest.internal.resource.";

    private KnownJerseyWarnings() {
    }

    public static <T> T suppressDuring(Callable<T> start) throws Exception {
        Logger logger = Logger.getLogger(LOGGER);
        Filter previous = logger.getFilter();
        logger.setFilter(record -> {
            String message = record.getMessage();
            if (record.getLevel() == Level.WARNING && message != null && message.contains(RESOURCE_PACKAGE)) {
                return false;
            }
            return previous == null || previous.isLoggable(record);
        });
        try {
            return start.call();
        } finally {
            logger.setFilter(previous);
        }
    }
}
