/**
 * The core's shared probing service: {@link org.omnilux.core.internal.probe.JaffreeMediaProber} runs ffprobe
 * (bounded, with a timeout), {@link org.omnilux.core.internal.probe.ProbeNormalizer} turns its output into the
 * Library API's values, {@link org.omnilux.core.internal.probe.LanguageCodes} normalises languages to
 * ISO 639-2/B and {@link org.omnilux.core.internal.probe.ExternalSubtitleFinder} reads subtitle file names.
 * Private to the core bundle.
 */
package org.omnilux.core.internal.probe;
