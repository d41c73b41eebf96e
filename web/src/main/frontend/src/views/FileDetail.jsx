import { useEffect, useState } from 'preact/hooks';
import { request } from '../api.js';
import { useResource } from '../hooks.js';
import { libraryHref } from '../router.js';
import { display, formatBytes, formatDate, formatDuration, label, mediaTypeName } from '../format.js';
import { ErrorMessage, LockBadge, Poster, Spinner } from '../ui.jsx';

// The metadata fields a form offers per media type (CONTRACT.md), with the JSON type the scanners declare.
const FIELDS = {
  movie: ['tmdbId', 'imdbId', 'overview', 'genres', 'rating', 'edition', 'part'],
  tv: ['showTitle', 'season', 'episode', 'episodeEnd', 'episodeTitle', 'airDate', 'absoluteEpisode', 'overview'],
  music: ['artist', 'albumArtist', 'album', 'trackNumber', 'trackTotal', 'discNumber', 'genres'],
  audiobook: ['author', 'narrator', 'series', 'seriesIndex'],
  book: ['author', 'publisher', 'isbn', 'language', 'pageCount'],
  comic: ['series', 'issueNumber', 'volume', 'writer', 'publisher', 'pageCount'],
  game: ['platform', 'region', 'serial', 'internalTitle'],
};
const INTEGER = new Set(['year', 'tmdbId', 'part', 'season', 'episode', 'episodeEnd', 'absoluteEpisode', 'trackNumber',
  'trackTotal', 'discNumber', 'pageCount']);
const DECIMAL = new Set(['rating', 'seriesIndex']);
const LIST = new Set(['genres']);
const LONG_TEXT = new Set(['overview']);
// shown as the cover image rather than as text, and not offered in the form: it is the server's own artwork link
const HIDDEN = new Set(['posterUrl', 'chapters']);

function kindOf(field, current) {
  if (INTEGER.has(field)) return 'integer';
  if (DECIMAL.has(field)) return 'decimal';
  if (LIST.has(field) || Array.isArray(current)) return 'list';
  if (typeof current === 'number') return Number.isInteger(current) ? 'integer' : 'decimal';
  return 'text';
}

function toInput(value) {
  if (value === null || value === undefined) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function fromInput(kind, text) {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (kind === 'integer' || kind === 'decimal') {
    const n = Number(trimmed);
    if (!Number.isFinite(n) || (kind === 'integer' && !Number.isInteger(n))) {
      throw new Error(`"${trimmed}" is not ${kind === 'integer' ? 'a whole number' : 'a number'}.`);
    }
    return n;
  }
  if (kind === 'list') return trimmed.split(',').map((s) => s.trim()).filter(Boolean);
  return text;
}

export function FileDetail({ id, isAdmin }) {
  const file = useResource(`/api/library/files/${encodeURIComponent(id)}`);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState(null);
  const [error, setError] = useState(null);
  const [data, setData] = useState(null);
  useEffect(() => setData(file.data), [file.data]);

  useEffect(() => {
    if (data) document.title = `${data.title || 'File'} · OmniLux`;
  }, [data]);

  if (file.error && !data) {
    return (
      <section>
        <p><a href={libraryHref()}>← Library</a></p>
        <ErrorMessage error={file.error.status === 404 ? 'This file is not in the library (any more).' : file.error} />
      </section>
    );
  }
  if (!data) return <Spinner />;

  const locked = new Set(data.lockedFields || []);
  const metadata = data.metadata || {};

  async function unlock(field) {
    setError(null);
    try {
      await request('DELETE', `/api/library/files/${data.id}/metadata/locks/${encodeURIComponent(field)}`);
      await file.reload();
      setMessage(`${label(field)} is unlocked: the next scan may overwrite it.`);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <article class="detail" aria-labelledby="detail-title">
      <p class="back">
        <a href={libraryHref()}>← Library</a>
      </p>
      <div class="detail-head">
        <Poster file={data} className="cover" />
        <div>
          <h1 id="detail-title">{data.title || data.path}</h1>
          <p class="muted">
            {[data.year, mediaTypeName(data.mediaType), data.resolution, data.codec, data.hdr ? (data.tracks?.video?.[0]?.hdrFormat || 'HDR') : null,
              data.container, formatDuration(data.duration), formatBytes(data.sizeBytes)].filter((v) => v !== null && v !== undefined && v !== '').join(' · ')}
          </p>
          {metadata.overview && <p class="overview">{metadata.overview}</p>}
          {isAdmin && !editing && (
            <button type="button" class="primary" onClick={() => { setEditing(true); setMessage(null); }}>
              Edit metadata
            </button>
          )}
          <p role="status" class="notice-inline">{message}</p>
          <ErrorMessage error={error} />
        </div>
      </div>

      {editing && (
        <MetadataForm file={data} onCancel={() => setEditing(false)} onSaved={(updated) => {
          setData(updated);
          setEditing(false);
          setMessage('Saved. The changed fields are locked: scans will not overwrite them.');
        }} />
      )}

      <section aria-labelledby="meta-title">
        <h2 id="meta-title">Metadata</h2>
        <dl class="facts">
          <Fact name="Title" value={data.title} field="title" locked={locked} isAdmin={isAdmin} onUnlock={unlock} />
          <Fact name="Year" value={data.year} field="year" locked={locked} isAdmin={isAdmin} onUnlock={unlock} />
          {Object.entries(metadata).filter(([k]) => !HIDDEN.has(k) && k !== 'overview').map(([key, value]) => (
            <Fact key={key} name={label(key)} value={value} field={key} locked={locked} isAdmin={isAdmin} onUnlock={unlock} />
          ))}
          {/* locked fields that are null are still worth showing: they are held empty on purpose */}
          {[...locked].filter((f) => f !== 'title' && f !== 'year' && !(f in metadata)).map((f) => (
            <Fact key={f} name={label(f)} value={null} field={f} locked={locked} isAdmin={isAdmin} onUnlock={unlock} />
          ))}
          {'overview' in metadata && locked.has('overview') && (
            <Fact name="Overview" value="(see above)" field="overview" locked={locked} isAdmin={isAdmin} onUnlock={unlock} />
          )}
        </dl>
      </section>

      <section aria-labelledby="file-title">
        <h2 id="file-title">File</h2>
        <dl class="facts">
          <Fact name="Path" value={data.path} />
          <Fact name="Media type" value={mediaTypeName(data.mediaType)} />
          <Fact name="Container" value={data.container} />
          <Fact name="Size" value={formatBytes(data.sizeBytes)} />
          <Fact name="Duration" value={formatDuration(data.duration)} />
          <Fact name="Added" value={formatDate(data.addedAt)} />
        </dl>
      </section>

      {Array.isArray(metadata.chapters) && metadata.chapters.length > 0 && (
        <section aria-labelledby="chapters-title">
          <h2 id="chapters-title">Chapters</h2>
          <SimpleTable caption="Chapters" columns={[['title', 'Title'], ['start', 'Start', formatDuration], ['end', 'End', formatDuration]]} rows={metadata.chapters} />
        </section>
      )}

      <Tracks tracks={data.tracks} externalSubtitles={data.externalSubtitles} />
    </article>
  );
}

function Fact({ name, value, field, locked, isAdmin, onUnlock }) {
  const isLocked = field && locked && locked.has(field);
  const text = display(value);
  return (
    <div class={`fact${isLocked ? ' locked' : ''}`} data-field={field}>
      <dt>
        {name}
        {isLocked && <> <LockBadge /></>}
      </dt>
      <dd>
        {text === '' ? <span class="muted">—</span> : text}
        {isLocked && isAdmin && (
          <button type="button" class="small" onClick={() => onUnlock(field)} aria-label={`Unlock ${name}`}>
            Unlock
          </button>
        )}
      </dd>
    </div>
  );
}

function MetadataForm({ file, onCancel, onSaved }) {
  const metadata = file.metadata || {};
  const fieldNames = ['title', 'year', ...(FIELDS[file.mediaType] || [])];
  for (const key of Object.keys(metadata)) {
    if (!fieldNames.includes(key) && !HIDDEN.has(key) && !(metadata[key] !== null && typeof metadata[key] === 'object' && !Array.isArray(metadata[key]))) {
      fieldNames.push(key);
    }
  }
  const current = (f) => (f === 'title' || f === 'year' ? file[f] : metadata[f]);
  const [values, setValues] = useState(() => Object.fromEntries(fieldNames.map((f) => [f, toInput(current(f))])));
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const locked = new Set(file.lockedFields || []);

  async function submit(event) {
    event.preventDefault();
    setError(null);
    const changes = {};
    try {
      for (const f of fieldNames) {
        if (values[f] === toInput(current(f))) continue; // only what the person changed gets written (and locked)
        changes[f] = fromInput(kindOf(f, current(f)), values[f]);
      }
    } catch (e) {
      setError(e.message);
      return;
    }
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    setBusy(true);
    try {
      const { data } = await request('PUT', `/api/library/files/${file.id}/metadata`, { body: changes });
      onSaved(data);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card edit-form" onSubmit={submit} aria-labelledby="edit-form-title">
      <h2 id="edit-form-title">Edit metadata</h2>
      <p class="muted">Every field you change is locked, so later scans keep your value. Leave a field empty to clear it.</p>
      <div class="form-grid">
        {fieldNames.map((f) => {
          const id = `edit-${f}`;
          const kind = kindOf(f, current(f));
          const common = { id, name: f, value: values[f], onInput: (e) => setValues((v) => ({ ...v, [f]: e.currentTarget.value })) };
          return (
            <div class={`field${LONG_TEXT.has(f) ? ' wide' : ''}`} key={f}>
              <label for={id}>
                {label(f)}
                {kind === 'list' && <span class="muted"> (comma-separated)</span>}
                {locked.has(f) && <> <LockBadge /></>}
              </label>
              {LONG_TEXT.has(f) ? <textarea rows={4} {...common} /> : (
                <input {...common} inputMode={kind === 'integer' ? 'numeric' : kind === 'decimal' ? 'decimal' : undefined} />
              )}
            </div>
          );
        })}
      </div>
      <ErrorMessage error={error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>{busy ? 'Saving…' : 'Save'}</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

function SimpleTable({ caption, columns, rows }) {
  return (
    <div class="table-wrap">
      <table>
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>{columns.map(([key, title]) => <th scope="col" key={key}>{title}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map(([key, , format]) => <td key={key}>{format ? format(row[key]) : display(row[key])}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const yesNo = (v) => (v === true ? 'yes' : v === false ? 'no' : '');

function Tracks({ tracks, externalSubtitles }) {
  const video = tracks?.video || [];
  const audio = tracks?.audio || [];
  const subtitle = tracks?.subtitle || [];
  const external = externalSubtitles || [];
  if (!video.length && !audio.length && !subtitle.length && !external.length) return null;
  return (
    <section aria-labelledby="tracks-title">
      <h2 id="tracks-title">Tracks</h2>
      {video.length > 0 && (
        <>
          <h3>Video</h3>
          <SimpleTable caption="Video tracks" rows={video} columns={[['index', '#'], ['codec', 'Codec'], ['width', 'Width'], ['height', 'Height'],
            ['hdr', 'HDR', yesNo], ['hdrFormat', 'HDR format'], ['frameRate', 'Frame rate'], ['bitDepth', 'Bit depth']]} />
        </>
      )}
      {audio.length > 0 && (
        <>
          <h3>Audio</h3>
          <SimpleTable caption="Audio tracks" rows={audio} columns={[['index', '#'], ['codec', 'Codec'], ['language', 'Language'],
            ['channels', 'Channels'], ['title', 'Title'], ['default', 'Default', yesNo]]} />
        </>
      )}
      {subtitle.length > 0 && (
        <>
          <h3>Subtitles</h3>
          <SimpleTable caption="Subtitle tracks" rows={subtitle} columns={[['index', '#'], ['codec', 'Codec'], ['language', 'Language'],
            ['title', 'Title'], ['forced', 'Forced', yesNo], ['default', 'Default', yesNo]]} />
        </>
      )}
      {external.length > 0 && (
        <>
          <h3>External subtitles</h3>
          <SimpleTable caption="External subtitle files" rows={external} columns={[['path', 'File'], ['language', 'Language'],
            ['format', 'Format'], ['forced', 'Forced', yesNo], ['sdh', 'SDH', yesNo]]} />
        </>
      )}
    </section>
  );
}
