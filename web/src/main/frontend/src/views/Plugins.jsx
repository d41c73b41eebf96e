import { useState } from 'preact/hooks';
import { get } from '../api.js';
import { usePolling } from '../hooks.js';
import { ErrorMessage, Spinner } from '../ui.jsx';

/** Polled: a scanner jar dropped into the bundles folder shows up here within seconds, no reload. */
export function Plugins() {
  const [plugins, setPlugins] = useState(null);
  const [error, setError] = useState(null);
  usePolling(async () => {
    try {
      setPlugins(await get('/api/plugins'));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, 2000);

  return (
    <section aria-labelledby="plugins-title">
      <h1 id="plugins-title">Plugins</h1>
      <p class="muted">Scanner bundles installed now. Drop a jar into the server's bundles folder and it appears here within seconds.</p>
      <ErrorMessage error={error} />
      {!plugins ? <Spinner /> : plugins.length === 0 ? <p class="empty">No scanners are installed.</p> : (
        <div class="table-wrap">
          <table class="plugins">
            <caption class="sr-only">Installed plugins</caption>
            <thead>
              <tr><th scope="col">Name</th><th scope="col">Id</th><th scope="col">Version</th><th scope="col">Media types</th><th scope="col">State</th></tr>
            </thead>
            <tbody aria-live="polite">
              {plugins.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td><code>{p.id}</code></td>
                  <td>{p.version}</td>
                  <td>{(p.mediaTypes || []).join(', ')}</td>
                  <td><span class={`state state-${String(p.state).toLowerCase()}`}>{p.state}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
