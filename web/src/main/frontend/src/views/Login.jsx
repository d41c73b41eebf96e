import { useState } from 'preact/hooks';
import { login } from '../api.js';
import { ErrorMessage } from '../ui.jsx';

export function Login({ notice }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  async function submit(event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (e) {
      setError(e.status === 401 ? 'Wrong user name or password.' : e.message);
      setBusy(false);
    }
  }

  return (
    <main class="login" id="main">
      <form class="card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">OmniLux</h1>
        <p class="muted">Log in to your media library.</p>
        {notice && <p class="notice" role="status">{notice}</p>}
        <label for="login-username">User name</label>
        <input id="login-username" name="username" autocomplete="username" required autoFocus
          value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
        <label for="login-password">Password</label>
        <input id="login-password" name="password" type="password" autocomplete="current-password" required
          value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        <ErrorMessage error={error} />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </main>
  );
}
