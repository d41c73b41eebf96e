package org.omnilux.core.internal.probe;

import org.omnilux.api.probe.MediaProber;

/** A prober owning threads or processes, ended when the configuration replaces it or the core stops. */
interface ClosableProber extends MediaProber {

    /** Ends what the prober owns once the probes running now are done; later probes are refused. */
    void close();
}
