import { useState } from 'preact/hooks';
import { request } from '../api.js';
import { useResource } from '../hooks.js';
import { ConfirmButton, ErrorMessage } from '../ui.jsx';

export function Users({ session }) {
  const users = useResource('/api/users');
  const [error, setError] = useState(null);
  const [form, setForm] = useState({ username: '', password: '', role: 'user' });
  const [formError, setFormError] = useState(null);
  const [added, setAdded] = useState(null);

  async function add(event) {
    event.preventDefault();
    setFormError(null);
    setAdded(null);
    try {
      const { data } = await request('POST', '/api/users', { body: form });
      setAdded(`Created ${data.username} (${data.role}).`);
      setForm({ username: '', password: '', role: 'user' });
      users.reload();
    } catch (e) {
      setFormError(e);
    }
  }

  async function remove(user) {
    setError(null);
    try {
      await request('DELETE', `/api/users/${user.id}`);
      users.reload();
    } catch (e) {
      setError(e);
    }
  }

  const set = (key) => (e) => setForm((f) => ({ ...f, [key]: e.currentTarget.value }));
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      <ErrorMessage error={error || users.error} />
      {users.data && (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">Users</caption>
            <thead><tr><th scope="col">User name</th><th scope="col">Role</th><th scope="col">Actions</th></tr></thead>
            <tbody>
              {users.data.map((u) => (
                <tr key={u.id}>
                  <td>{u.username}</td>
                  <td>{u.role}</td>
                  <td>
                    {u.username === session.username ? <span class="muted">you</span> : (
                      <ConfirmButton label="Delete" confirmLabel="Yes, delete" question={`Delete user ${u.username}?`} onConfirm={() => remove(u)} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form class="card" onSubmit={add} aria-labelledby="add-user-title">
        <h2 id="add-user-title">Add a user</h2>
        <div class="form-grid">
          <div class="field">
            <label for="user-name">User name</label>
            <input id="user-name" required autocomplete="off" value={form.username} onInput={set('username')} />
          </div>
          <div class="field">
            <label for="user-password">Password</label>
            <input id="user-password" type="password" required autocomplete="new-password" value={form.password} onInput={set('password')} />
          </div>
          <div class="field">
            <label for="user-role">Role</label>
            <select id="user-role" value={form.role} onChange={set('role')}>
              <option value="user">user</option>
              <option value="admin">admin</option>
            </select>
          </div>
        </div>
        <ErrorMessage error={formError} />
        {added && <p class="notice" role="status">{added}</p>}
        <div class="actions"><button type="submit" class="primary">Add user</button></div>
      </form>
    </section>
  );
}
