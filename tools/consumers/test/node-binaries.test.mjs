import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeBinary, typescriptBinary } from '../src/node-binaries.mjs';
import { freePort } from '../src/process.mjs';

describe('nodeBinary', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'gigapay-node-cache-'));
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('is the running binary for this Node version, without fetching', async () => {
    await expect(nodeBinary(process.version.slice(1), { cacheDir })).resolves.toBe(process.execPath);
  });

  it('fails at once, naming the version, when the registry cannot be reached', async () => {
    const closed = `http://127.0.0.1:${await freePort()}/`; // nothing listens there
    const env = { ...process.env, npm_config_registry: closed, npm_config_cache: join(cacheDir, 'npm'), npm_config_prefer_online: 'true' };
    const started = Date.now();
    await expect(nodeBinary('22.23.3', { cacheDir, env })).rejects.toThrow(/^Node 22\.23\.3 could not be fetched from the npm registry \(npm install node@22\.23\.3\): .*(ECONNREFUSED|request to)/);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

describe('typescriptBinary', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'gigapay-typescript-cache-'));
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('fails at once, naming the version, when the registry cannot be reached', async () => {
    const closed = `http://127.0.0.1:${await freePort()}/`; // nothing listens there
    const env = { ...process.env, npm_config_registry: closed, npm_config_cache: join(cacheDir, 'npm'), npm_config_prefer_online: 'true' };
    await expect(typescriptBinary('7.0.2', { cacheDir, env })).rejects.toThrow(/^TypeScript 7\.0\.2 could not be fetched from the npm registry \(npm install typescript@7\.0\.2\): .*(ECONNREFUSED|request to)/);
  });
});
