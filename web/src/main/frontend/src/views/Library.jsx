import { useEffect, useRef, useState } from 'preact/hooks';
import { get } from '../api.js';
import { useDebounced, useResource } from '../hooks.js';
import { formatBytes, formatDuration, formatNumber, mediaTypeName } from '../format.js';
import { replaceQuery } from '../router.js';
import { ErrorMessage, Poster } from '../ui.jsx';

const SORTS = [
  { value: 'title', label: 'Title' },
  { value: 'addedAt', label: 'Date added' },
  { value: 'year', label: 'Year' },
  { value: 'size', label: 'Size' },
];
const PAGE_SIZES = [24, 48, 96, 200];

function fromParams(params) {
  const size = Number(params.get('size'));
  const page = Number(params.get('page'));
  return {
    q: params.get('q') || '',
    type: params.get('type') || '',
    root: params.get('root') || '',
    sort: SORTS.some((s) => s.value === params.get('sort')) ? params.get('sort') : 'title',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    size: PAGE_SIZES.includes(size) ? size : 48,
    page: Number.isInteger(page) && page > 0 ? page : 0,
    view: params.get('view') === 'table' ? 'table' : 'grid',
  };
}

function toParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.type) params.set('type', state.type);
  if (state.root) params.set('root', state.root);
  if (state.sort !== 'title') params.set('sort', state.sort);
  if (state.order !== 'asc') params.set('order', state.order);
  if (state.size !== 48) params.set('size', String(state.size));
  if (state.page) params.set('page', String(state.page));
  if (state.view !== 'grid') params.set('view', state.view);
  return params;
}

export function Library({ params }) {
  const [state, setState] = useState(() => fromParams(params));
  const [searchText, setSearchText] = useState(state.q);
  const debouncedSearch = useDebounced(searchText, 250);
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  const [loading, setLoading] = useState(true);
  const roots = useResource('/api/library/roots');
  const plugins = useResource('/api/plugins');
  const requestRef = useRef(null);

  const update = (change) => setState((s) => ({ ...s, page: 0, ...change }));

  useEffect(() => {
    if (debouncedSearch.trim() !== state.q) update({ q: debouncedSearch.trim() });
  }, [debouncedSearch]);

  useEffect(() => {
    replaceQuery('/library', toParams(state));
    requestRef.current?.abort();
    const controller = new AbortController();
    requestRef.current = controller;
    setLoading(true);
    get('/api/library/files', {
      signal: controller.signal,
      query: {
        search: state.q,
        mediaType: state.type,
        rootId: state.root,
        sort: state.sort,
        order: state.order,
        limit: state.size,
        offset: state.page * state.size,
      },
    }).then(
      (data) => {
        if (controller.signal.aborted) return;
        setResult(data);
        setError(null);
        setLoading(false);
        // a filter made the page vanish (e.g. files removed meanwhile): go to the last page that exists
        if (data.items.length === 0 && data.total > 0 && state.page > 0) {
          setState((s) => ({ ...s, page: Math.max(0, Math.ceil(data.total / s.size) - 1) }));
        }
      },
      (e) => {
        if (controller.signal.aborted) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [state.q, state.type, state.root, state.sort, state.order, state.size, state.page]);

  useEffect(() => replaceQuery('/library', toParams(state)), [state.view]);

  const types = new Set();
  for (const p of plugins.data || []) for (const t of p.mediaTypes || []) types.add(t);
  for (const r of roots.data || []) types.add(r.mediaType);
  const total = result ? result.total : 0;
  const pages = Math.max(1, Math.ceil(total / state.size));
  const items = result ? result.items : [];

  return (
    <section aria-labelledby="library-title">
      <div class="page-head">
        <h1 id="library-title">Library</h1>
        <div class="view-switch" role="group" aria-label="View">
          <button type="button" aria-pressed={state.view === 'grid'} onClick={() => setState((s) => ({ ...s, view: 'grid' }))}>
            Grid
          </button>
          <button type="button" aria-pressed={state.view === 'table'} onClick={() => setState((s) => ({ ...s, view: 'table' }))}>
            Table
          </button>
        </div>
      </div>

      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="field grow">
          <label for="filter-search">Search</label>
          <input id="filter-search" type="search" placeholder="Title, genre, people, artist…" value={searchText}
            onInput={(e) => setSearchText(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="filter-type">Media type</label>
          <select id="filter-type" value={state.type} onChange={(e) => update({ type: e.currentTarget.value })}>
            <option value="">All types</option>
            {[...types].sort().map((t) => (
              <option key={t} value={t}>{mediaTypeName(t)}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-root">Root</label>
          <select id="filter-root" value={state.root} onChange={(e) => update({ root: e.currentTarget.value })}>
            <option value="">All roots</option>
            {(roots.data || []).map((r) => (
              <option key={r.id} value={String(r.id)}>{r.name}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-sort">Sort by</label>
          <select id="filter-sort" value={state.sort} onChange={(e) => update({ sort: e.currentTarget.value })}>
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>{s.label}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-order">Order</label>
          <select id="filter-order" value={state.order} onChange={(e) => update({ order: e.currentTarget.value })}>
            <option value="asc">Ascending</option>
            <option value="desc">Descending</option>
          </select>
        </div>
      </form>

      <ErrorMessage error={error} />
      <p class="result-count" role="status" aria-live="polite">
        {loading && !result ? 'Loading…' : `${formatNumber(total)} ${total === 1 ? 'file' : 'files'}`}
      </p>

      <div class="results" aria-busy={loading ? 'true' : 'false'}>
        {result && items.length === 0 && !loading && (
          <p class="empty">{state.q || state.type || state.root ? 'Nothing matches these filters.' : 'The library is empty. Add a root and scan it.'}</p>
        )}
        {state.view === 'grid' ? <Grid items={items} /> : <Table items={items} state={state} update={update} />}
      </div>

      <Pager page={state.page} pages={pages} size={state.size} total={total}
        onPage={(page) => setState((s) => ({ ...s, page }))} onSize={(size) => update({ size })} />
    </section>
  );
}

function Grid({ items }) {
  return (
    <ul class="grid" aria-label="Files">
      {items.map((file) => (
        <li key={file.id} class="tile">
          <a href={`#/file/${file.id}`} class="tile-link">
            <Poster file={file} />
            <span class="tile-title">{file.title || file.path}</span>
            <span class="tile-sub">
              {file.year ?? ''}
              {file.year != null && ' · '}
              {mediaTypeName(file.mediaType)}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

const SORTABLE_COLUMNS = { title: 'title', year: 'year', size: 'size', added: 'addedAt' };

function SortHeader({ label, field, state, update }) {
  const active = state.sort === field;
  const ariaSort = active ? (state.order === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <th scope="col" aria-sort={ariaSort}>
      <button type="button" class="sort" onClick={() => update({ sort: field, order: active && state.order === 'asc' ? 'desc' : 'asc' })}>
        {label}
        <span aria-hidden="true">{active ? (state.order === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

function Table({ items, state, update }) {
  return (
    <div class="table-wrap">
      <table class="files">
        <caption class="sr-only">Files, sorted by {state.sort} {state.order === 'asc' ? 'ascending' : 'descending'}</caption>
        <thead>
          <tr>
            <SortHeader label="Title" field={SORTABLE_COLUMNS.title} state={state} update={update} />
            <SortHeader label="Year" field={SORTABLE_COLUMNS.year} state={state} update={update} />
            <th scope="col">Type</th>
            <th scope="col">Codec</th>
            <th scope="col">Resolution</th>
            <th scope="col">HDR</th>
            <th scope="col">Container</th>
            <SortHeader label="Size" field={SORTABLE_COLUMNS.size} state={state} update={update} />
            <th scope="col">Duration</th>
            <SortHeader label="Added" field={SORTABLE_COLUMNS.added} state={state} update={update} />
          </tr>
        </thead>
        <tbody>
          {items.map((file) => (
            <tr key={file.id}>
              <td class="title-cell">
                <a href={`#/file/${file.id}`}>{file.title || file.path}</a>
              </td>
              <td class="num">{file.year ?? ''}</td>
              <td>{mediaTypeName(file.mediaType)}</td>
              <td>{file.codec ?? ''}</td>
              <td>{file.resolution ?? ''}</td>
              <td>{file.hdr == null ? '' : file.hdr ? 'HDR' : 'SDR'}</td>
              <td>{file.container ?? ''}</td>
              <td class="num">{formatBytes(file.sizeBytes)}</td>
              <td class="num">{formatDuration(file.duration)}</td>
              <td>{file.addedAt ? new Date(file.addedAt).toLocaleDateString() : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Pager({ page, pages, size, total, onPage, onSize }) {
  const [jump, setJump] = useState('');
  useEffect(() => setJump(String(page + 1)), [page]);
  return (
    <nav class="pager" aria-label="Pages">
      <button type="button" disabled={page === 0} onClick={() => onPage(0)}>« First</button>
      <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>‹ Previous</button>
      <form class="jump" onSubmit={(e) => {
        e.preventDefault();
        const n = Number(jump);
        if (Number.isInteger(n) && n >= 1) onPage(Math.min(n, pages) - 1);
      }}>
        <label for="pager-page">Page</label>
        <input id="pager-page" type="number" min="1" max={pages} value={jump} onInput={(e) => setJump(e.currentTarget.value)} />
        <span> of {formatNumber(pages)}</span>
      </form>
      <button type="button" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>Next ›</button>
      <button type="button" disabled={page >= pages - 1} onClick={() => onPage(pages - 1)}>Last »</button>
      <label for="pager-size">Per page</label>
      <select id="pager-size" value={String(size)} onChange={(e) => onSize(Number(e.currentTarget.value))}>
        {PAGE_SIZES.map((n) => (
          <option key={n} value={String(n)}>{n}</option>
        ))}
      </select>
      <span class="muted">{total ? `${formatNumber(page * size + 1)}–${formatNumber(Math.min(total, (page + 1) * size))}` : ''}</span>
    </nav>
  );
}
