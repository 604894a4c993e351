// `npm start`: build, then launch the Electron app; where the Electron binary is missing and cannot
// be fetched, say so in one line and serve browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extraArgs = process.argv.slice(2);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  return result.status ?? 1;
}

if (run(process.execPath, [path.join(root, 'scripts', 'build.mjs')]) !== 0) process.exit(1);

function electronBinary() {
  const dir = path.join(root, 'node_modules', 'electron');
  try {
    const relative = readFileSync(path.join(dir, 'path.txt'), 'utf8');
    const binary = path.join(dir, 'dist', relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

let binary = electronBinary();
let reason = 'the Electron binary is not installed';
if (!binary && existsSync(path.join(root, 'node_modules', 'electron', 'install.js')) && !process.env.MERCATOR_NO_ELECTRON_FETCH) {
  // Electron downloads its binary on first use; give it a short chance, quietly.
  const fetched = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root,
    stdio: 'pipe',
    timeout: 60_000,
  });
  binary = electronBinary();
  if (!binary) {
    const text = `${fetched.stderr ?? ''}`.split('\n').find((l) => /error|ENOTFOUND|EAI_AGAIN|ECONN|timed out/i.test(l));
    reason = `the Electron binary is not installed and could not be fetched${text ? ` (${text.trim().slice(0, 120)})` : ''}`;
  }
}

if (binary && !process.env.MERCATOR_BROWSER_MODE) {
  const child = spawn(binary, [root, ...extraArgs], { stdio: 'inherit', cwd: root });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`Electron is unavailable: ${reason}; starting browser mode instead.`);
  const child = spawn(process.execPath, [path.join(root, 'dist', 'cli', 'mercator.mjs'), 'web', ...extraArgs], {
    stdio: 'inherit',
    cwd: root,
  });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}
