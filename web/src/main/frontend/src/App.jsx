import { useEffect, useState } from 'preact/hooks';
import { getSession, logout, onSessionChange } from './api.js';
import { useRoute } from './router.js';
import { Login } from './views/Login.jsx';
import { Library } from './views/Library.jsx';
import { FileDetail } from './views/FileDetail.jsx';
import { Roots } from './views/Roots.jsx';
import { Stats } from './views/Stats.jsx';
import { Plugins } from './views/Plugins.jsx';
import { Users } from './views/Users.jsx';

const SECTIONS = [
  { path: '/library', label: 'Library' },
  { path: '/roots', label: 'Roots & scans' },
  { path: '/stats', label: 'Statistics' },
  { path: '/plugins', label: 'Plugins' },
  { path: '/users', label: 'Users', admin: true },
];

export function App() {
  const [session, setSession] = useState(getSession);
  const [notice, setNotice] = useState(null);
  const route = useRoute();

  useEffect(
    () =>
      onSessionChange((next, reason) => {
        setSession(next);
        setNotice(next ? null : reason);
      }),
    [],
  );

  // each screen names itself in the tab title
  const section = SECTIONS.find((s) => route.path.startsWith(s.path));
  useEffect(() => {
    document.title = section ? `${section.label} · OmniLux` : 'OmniLux';
  }, [section]);

  if (!session) return <Login notice={notice} />;

  const isAdmin = session.role === 'admin';
  const [first, id] = route.segments;
  let view;
  if (first === 'file' && id) view = <FileDetail id={id} isAdmin={isAdmin} />;
  else if (first === 'roots') view = <Roots isAdmin={isAdmin} />;
  else if (first === 'stats') view = <Stats />;
  else if (first === 'plugins') view = <Plugins />;
  else if (first === 'users' && isAdmin) view = <Users session={session} />;
  else view = <Library params={route.params} />;

  return (
    <>
      <a class="skip-link" href="#main" onClick={(e) => {
        e.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        Skip to content
      </a>
      <header class="topbar">
        <a class="brand" href="#/library">
          OmniLux
        </a>
        <nav aria-label="Main">
          <ul>
            {SECTIONS.filter((s) => !s.admin || isAdmin).map((s) => (
              <li key={s.path}>
                <a href={`#${s.path}`} aria-current={section === s ? 'page' : undefined}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="account">
          <span class="who">
            {session.username} <span class="role">({session.role})</span>
          </span>
          <button type="button" onClick={logout}>
            Log out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {view}
      </main>
    </>
  );
}
