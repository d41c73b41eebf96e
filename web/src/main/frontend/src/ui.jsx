import { useEffect, useRef, useState } from 'preact/hooks';
import { artworkSrc } from './api.js';

/** An API error as the server worded it (problem JSON detail), announced to screen readers. */
export function ErrorMessage({ error }) {
  if (!error) return null;
  const text = typeof error === 'string' ? error : error.message;
  return (
    <p class="error" role="alert">
      {text}
    </p>
  );
}

/** A destructive action that asks first, inline (no window.confirm). */
export function ConfirmButton({ label, question, confirmLabel = 'Yes, remove', onConfirm, disabled }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const yes = useRef(null);
  useEffect(() => {
    if (asking) yes.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" class="danger" disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span class="confirm" role="group" aria-label={question}>
      <span>{question}</span>{' '}
      <button
        type="button"
        class="danger"
        disabled={busy}
        ref={yes}
        onClick={async () => {
          setBusy(true);
          try {
            await onConfirm();
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}
      >
        {confirmLabel}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}

function initials(title) {
  return (title || '?')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, 2)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, '').charAt(0))
    .join('')
    .toUpperCase() || '?';
}

/** A poster/cover, or a placeholder with the title's initials when there is none (or it fails to load). */
export function Poster({ file, className = 'poster' }) {
  const [failed, setFailed] = useState(false);
  const src = artworkSrc(file.metadata && file.metadata.posterUrl);
  if (src && !failed) {
    return <img class={className} src={src} alt="" loading="lazy" decoding="async" onError={() => setFailed(true)} />;
  }
  return (
    <div class={`${className} placeholder`} aria-hidden="true">
      <span>{initials(file.title)}</span>
    </div>
  );
}

export function Spinner({ label = 'Loading…' }) {
  return (
    <span class="spinner" role="status">
      {label}
    </span>
  );
}

/** A padlock drawn inline (no emoji: not every machine has a font for it), with the word for everyone. */
export function LockBadge() {
  return (
    <span class="lock-badge" title="Locked: scans do not overwrite this field">
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
        <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2" fill="none" stroke="currentColor" stroke-width="1.6" />
        <rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor" />
      </svg>{' '}
      locked
    </span>
  );
}
