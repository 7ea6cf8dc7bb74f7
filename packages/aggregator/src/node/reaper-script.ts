/**
 * The reaper's program (run with `node -e`, the watched process id as its argument). Plain
 * CommonJS with no imports of ours: it must start in milliseconds and outlive the process it
 * watches. Lines on stdin: `{"add": path, "lock": bool}` and `{"forget": path}`. At end of input
 * (the watched process is gone) it removes every path still listed; a lock only while it still
 * names the watched process, since another run may hold that folder by then.
 */
export const reaperScript = `
const { readFileSync, rmSync } = require('node:fs');
const owner = Number(process.argv[1]);
const listed = new Map();
let rest = '';
for (const signal of ['SIGINT', 'SIGHUP']) process.on(signal, () => {});
process.stdin.setEncoding('utf8');
process.stdin.on('data', (text) => {
  const lines = (rest + text).split('\\n');
  rest = lines.pop();
  for (const line of lines) {
    try {
      const message = JSON.parse(line);
      if (typeof message.add === 'string') listed.set(message.add, message.lock === true);
      else if (typeof message.forget === 'string') listed.delete(message.forget);
    } catch {}
  }
});
const ownedLock = (path) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8')).pid === owner;
  } catch {
    return false;
  }
};
process.stdin.on('end', () => {
  for (const [path, lock] of listed) {
    try {
      if (!lock || ownedLock(path)) rmSync(path, { recursive: true, force: true });
    } catch {}
  }
  process.exit(0);
});
`;
