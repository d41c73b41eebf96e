import { useState } from 'preact/hooks';
import { get, request } from '../api.js';
import { usePolling, useResource } from '../hooks.js';
import { formatBytes, formatDate, formatNumber, mediaTypeName } from '../format.js';
import { ConfirmButton, ErrorMessage } from '../ui.jsx';

const ACTIVE_JOB_KEY = 'omnilux.activeScanJob';

export function Roots({ isAdmin }) {
  const roots = useResource('/api/library/roots');
  const plugins = useResource('/api/plugins');
  const [error, setError] = useState(null);
  const [jobId, setJobId] = useState(() => sessionStorage.getItem(ACTIVE_JOB_KEY));
  const [scanEnded, setScanEnded] = useState(0);

  async function startScan(rootId) {
    setError(null);
    try {
      const { data } = await request('POST', '/api/library/scan', { body: rootId == null ? {} : { rootId } });
      sessionStorage.setItem(ACTIVE_JOB_KEY, String(data.jobId));
      setJobId(String(data.jobId));
    } catch (e) {
      setError(e);
    }
  }

  async function remove(root) {
    setError(null);
    try {
      await request('DELETE', `/api/library/roots/${root.id}`);
      await roots.reload();
    } catch (e) {
      setError(e);
    }
  }

  const types = [...new Set((plugins.data || []).flatMap((p) => p.mediaTypes || []))].sort();

  return (
    <section aria-labelledby="roots-title">
      <div class="page-head">
        <h1 id="roots-title">Library roots</h1>
        {isAdmin && (
          <button type="button" class="primary" onClick={() => startScan(null)} disabled={!roots.data || roots.data.length === 0}>
            Scan all roots
          </button>
        )}
      </div>
      <ErrorMessage error={error || roots.error} />
      {roots.data && roots.data.length === 0 && <p class="empty">No roots yet.{isAdmin ? ' Add a folder below.' : ''}</p>}
      {roots.data && roots.data.length > 0 && (
        <div class="table-wrap">
          <table class="roots">
            <caption class="sr-only">Library roots</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Path</th>
                <th scope="col">Media type</th>
                <th scope="col" class="num">Files</th>
                <th scope="col" class="num">Size</th>
                <th scope="col">Last scan</th>
                {isAdmin && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {roots.data.map((root) => (
                <tr key={root.id}>
                  <td><a href={`#/library?root=${root.id}`}>{root.name}</a></td>
                  <td class="path">{root.path}</td>
                  <td>{mediaTypeName(root.mediaType)}</td>
                  <td class="num">{formatNumber(root.fileCount)}</td>
                  <td class="num">{formatBytes(root.totalSizeBytes)}</td>
                  <td>{root.lastScanAt ? formatDate(root.lastScanAt) : <span class="muted">never</span>}</td>
                  {isAdmin && (
                    <td class="actions">
                      <button type="button" onClick={() => startScan(root.id)} aria-label={`Scan ${root.name}`}>Scan</button>{' '}
                      <ConfirmButton label="Remove" question={`Remove “${root.name}” from the library? Files on disk are not touched.`}
                        onConfirm={() => remove(root)} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {jobId && <ScanProgress key={jobId} jobId={jobId} isAdmin={isAdmin} onEnd={() => { roots.reload(); setScanEnded((n) => n + 1); }}
        onDismiss={() => { sessionStorage.removeItem(ACTIVE_JOB_KEY); setJobId(null); }} />}

      {isAdmin && <AddRoot types={types} onAdded={() => roots.reload()} />}
      <RecentScans key={`${jobId}-${scanEnded}`} onOpen={(id) => { sessionStorage.setItem(ACTIVE_JOB_KEY, String(id)); setJobId(String(id)); }} />
    </section>
  );
}

function AddRoot({ types, onAdded }) {
  const [path, setPath] = useState('');
  const [name, setName] = useState('');
  const [mediaType, setMediaType] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState(null);

  async function submit(event) {
    event.preventDefault();
    setError(null);
    setAdded(null);
    setBusy(true);
    try {
      const body = { path: path.trim(), mediaType };
      if (name.trim()) body.name = name.trim();
      const { data } = await request('POST', '/api/library/roots', { body });
      setAdded(`Added “${data.name}”. Start a scan to fill it.`);
      setPath('');
      setName('');
      onAdded();
    } catch (e) {
      setError(e); // the API's own words: not a directory, unknown type, overlaps another root…
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card add-root" onSubmit={submit} aria-labelledby="add-root-title">
      <h2 id="add-root-title">Add a root</h2>
      <div class="form-grid">
        <div class="field wide">
          <label for="root-path">Folder path on the server</label>
          <input id="root-path" required placeholder="/srv/media/movies" value={path} onInput={(e) => setPath(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="root-name">Name <span class="muted">(optional)</span></label>
          <input id="root-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="root-type">Media type</label>
          <select id="root-type" required value={mediaType} onChange={(e) => setMediaType(e.currentTarget.value)}>
            <option value="" disabled>Choose…</option>
            {types.map((t) => <option key={t} value={t}>{mediaTypeName(t)}</option>)}
          </select>
        </div>
      </div>
      <ErrorMessage error={error} />
      {added && <p class="notice" role="status">{added}</p>}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>{busy ? 'Adding…' : 'Add root'}</button>
      </div>
    </form>
  );
}

const FINISHED = new Set(['completed', 'failed', 'cancelled']);

function ScanProgress({ jobId, isAdmin, onEnd, onDismiss }) {
  const [job, setJob] = useState(null);
  const [error, setError] = useState(null);
  const running = !job || !FINISHED.has(job.status);

  usePolling(async () => {
    try {
      const data = await get(`/api/library/scan/${encodeURIComponent(jobId)}`);
      setJob(data);
      setError(null);
      if (FINISHED.has(data.status)) onEnd();
    } catch (e) {
      setError(e.status === 404 ? 'This scan is no longer known to the server.' : e);
    }
  }, 500, running && !error);

  async function cancel() {
    try {
      setJob(await request('DELETE', `/api/library/scan/${encodeURIComponent(jobId)}`).then((r) => r.data));
    } catch (e) {
      setError(e);
    }
  }

  const counters = job ? [
    ['Seen', job.filesSeen], ['Added', job.filesAdded], ['Updated', job.filesUpdated],
    ['Removed', job.filesRemoved], ['Failed', job.filesFailed],
  ] : [];

  return (
    <section class={`card scan-progress status-${job ? job.status : 'starting'}`} aria-labelledby="scan-title" data-testid="scan-progress">
      <h2 id="scan-title">Scan {jobId}</h2>
      <ErrorMessage error={error} />
      <p class="scan-status" role="status" aria-live="polite">
        {job ? `Status: ${job.status}` : 'Starting…'}
        {job && job.status === 'running' && <span class="pulse" aria-hidden="true"> ●</span>}
      </p>
      {running && <progress aria-label="Scan in progress" />}
      {job && (
        <>
          <dl class="counters">
            {counters.map(([name, value]) => (
              <div key={name} data-counter={name.toLowerCase()}>
                <dt>{name}</dt>
                <dd>{formatNumber(value ?? 0)}</dd>
              </div>
            ))}
          </dl>
          <p class="muted">
            Started {formatDate(job.startedAt)}
            {job.finishedAt && `, finished ${formatDate(job.finishedAt)}`}
          </p>
          {job.errors && job.errors.length > 0 && (
            <details open={job.errors.length <= 10}>
              <summary>{job.errors.length} {job.errors.length === 1 ? 'error' : 'errors'}</summary>
              <ul class="scan-errors">
                {job.errors.map((e, i) => (
                  <li key={i}><code>{e.path}</code>: {e.message}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      <div class="actions">
        {isAdmin && job && job.status === 'running' && <button type="button" class="danger" onClick={cancel}>Cancel scan</button>}
        {!running && <button type="button" onClick={onDismiss}>Dismiss</button>}
      </div>
    </section>
  );
}

function RecentScans({ onOpen }) {
  const jobs = useResource('/api/library/scan');
  const list = Array.isArray(jobs.data) ? jobs.data : jobs.data?.items || [];
  if (!list.length) return null;
  return (
    <section aria-labelledby="recent-title">
      <h2 id="recent-title">Recent scans</h2>
      <div class="table-wrap">
        <table>
          <caption class="sr-only">Recent scans</caption>
          <thead>
            <tr><th scope="col">Job</th><th scope="col">Status</th><th scope="col">Started</th><th scope="col" class="num">Seen</th>
              <th scope="col" class="num">Added</th><th scope="col" class="num">Failed</th></tr>
          </thead>
          <tbody>
            {list.slice(0, 10).map((j) => (
              <tr key={j.jobId}>
                <td><button type="button" class="link" onClick={() => onOpen(j.jobId)}>{j.jobId}</button></td>
                <td>{j.status}</td>
                <td>{formatDate(j.startedAt)}</td>
                <td class="num">{formatNumber(j.filesSeen)}</td>
                <td class="num">{formatNumber(j.filesAdded)}</td>
                <td class="num">{formatNumber(j.filesFailed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
