// The Electron fuses packaged builds get (build/electron-builder.json) are exactly the ones
// docs/security.md promises, each with the value it says; and the security-relevant ones are set the
// safe way.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers';

const SAFE: Record<string, boolean> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
  enableCookieEncryption: true,
};

describe('Electron fuses', () => {
  const config = JSON.parse(readFileSync(path.join(ROOT, 'build', 'electron-builder.json'), 'utf8')) as { electronFuses: Record<string, boolean> };
  const doc = readFileSync(path.join(ROOT, 'docs', 'security.md'), 'utf8');
  const row = doc.split('\n').find((line) => line.startsWith('| 19 |'));

  it('docs/security.md lists every configured fuse with its configured value, and no other', () => {
    expect(row, 'checklist row 19 (fuses) in docs/security.md').toBeDefined();
    const documented = Object.fromEntries([...row!.matchAll(/`(\w+): (true|false)`/g)].map((m) => [m[1]!, m[2] === 'true']));
    expect(documented).toEqual(config.electronFuses);
  });

  it('sets each security-relevant fuse the safe way', () => {
    for (const [fuse, value] of Object.entries(SAFE)) expect(config.electronFuses[fuse], fuse).toBe(value);
  });
});
