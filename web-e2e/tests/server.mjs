// Starts the real server (runtime/target/omnilux.jar) on a free loopback port with a fresh data folder,
// and generates a small movie library with ffmpeg.
import { spawn, execFile } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const MODULE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_DIR = resolve(MODULE_DIR, '..');
export const TARGET = join(MODULE_DIR, 'target');
const SERVER_JAR = join(REPO_DIR, 'runtime/target/omnilux.jar');
const MOVIE_SCANNER_JAR = join(REPO_DIR, 'scanner-movie/target/omnilux-scanner-movie-0.1.0-SNAPSHOT.jar');

export function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

/** The generated library: folder name → what the test expects to see. */
export const MOVIES = [
  { folder: 'The Test Movie (2010)', file: 'The Test Movie (2010).mkv', title: 'The Test Movie', year: 2010, poster: true, subtitle: true },
  { folder: 'Another Film (1999)', file: 'Another Film (1999).mp4', title: 'Another Film', year: 1999 },
  { folder: 'Zebra Crossing (2021)', file: 'Zebra Crossing (2021).mkv', title: 'Zebra Crossing', year: 2021 },
  // a would-be script injection through a title: the interface must show it as text
  { folder: '<img src=x onerror=alert(1)> (2001)', file: '<img src=x onerror=alert(1)> (2001).mkv', title: '<img src=x onerror=alert(1)>', year: 2001, hostile: true },
];

export async function generateLibrary(root) {
  await rm(root, { recursive: true, force: true });
  await Promise.all(MOVIES.map(async (movie) => {
    const dir = join(root, movie.folder);
    await mkdir(dir, { recursive: true });
    await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=duration=1:size=320x240:rate=25',
      '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p',
      '-c:a', 'aac', '-shortest', join(dir, movie.file)]);
    if (movie.poster) {
      await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=200x300',
        '-frames:v', '1', join(dir, 'poster.jpg')]);
    }
    if (movie.subtitle) {
      await writeFile(join(dir, movie.file.replace(/\.\w+$/, '.eng.srt')), '1\n00:00:00,000 --> 00:00:00,900\nHello\n');
    }
  }));
}

export async function startServer({ adminPassword }) {
  for (const [what, file] of [['the server jar', SERVER_JAR], ['the movie scanner jar', MOVIE_SCANNER_JAR]]) {
    if (!existsSync(file)) throw new Error(`${what} is missing: ${file} — build the project first (mvn package).`);
  }
  const runDir = join(TARGET, 'e2e-server');
  await rm(runDir, { recursive: true, force: true });
  const dataDir = join(runDir, 'data');
  const bundlesDir = join(runDir, 'bundles');
  await mkdir(dataDir, { recursive: true });
  await mkdir(bundlesDir, { recursive: true });
  await copyFile(MOVIE_SCANNER_JAR, join(bundlesDir, 'omnilux-scanner-movie-0.1.0-SNAPSHOT.jar'));
  const port = await freePort();
  const log = createWriteStream(join(runDir, 'server.log'));
  const child = spawn('java', ['-jar', SERVER_JAR], {
    cwd: REPO_DIR,
    env: {
      ...process.env,
      OMNILUX_PORT: String(port),
      OMNILUX_HOST: '127.0.0.1',
      OMNILUX_DATA_DIR: dataDir,
      OMNILUX_BUNDLES_DIR: bundlesDir,
      OMNILUX_CONFIG_DIR: join(REPO_DIR, 'config'),
      OMNILUX_ADMIN_PASSWORD: adminPassword,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(base, adminPassword, () => exited, runDir);
  } catch (e) {
    child.kill('SIGKILL'); // never leave a half-started server behind
    throw e;
  }

  return {
    base,
    runDir,
    bundlesDir,
    async stop() {
      if (exited) return exited;
      const done = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const result = await done;
      clearTimeout(timer);
      return result;
    },
  };
}

async function waitUntilReady(base, adminPassword, exitedState, runDir) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const exited = exitedState();
    if (exited) throw new Error(`the server exited during start-up (${JSON.stringify(exited)}); see ${join(runDir, 'server.log')}`);
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not become healthy in 90 s; see ${join(runDir, 'server.log')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  // the movie scanner is hot-deployed from the bundles folder: wait until it is listed
  const token = (await (await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: adminPassword }),
  })).json()).token;
  for (;;) {
    const plugins = await (await fetch(`${base}/api/plugins`, { headers: { Authorization: `Bearer ${token}` } })).json();
    if (plugins.some((p) => (p.mediaTypes || []).includes('movie'))) break;
    if (Date.now() > deadline) throw new Error('the movie scanner did not show up in /api/plugins');
    await new Promise((r) => setTimeout(r, 250));
  }
  await fetch(`${base}/api/auth/logout`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
}
