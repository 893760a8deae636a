import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packJson, publishPackages, startRegistry } from '../src/registry.mjs';

describe('startRegistry', () => {
  let blocker;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise((resolve) => blocker.close(resolve)));

  it('rejects at once, naming the port, when the port is taken', async () => {
    const { port } = blocker.address();
    // "At once" is the message: waiting for the ready deadline would end in "did not answer within 30 s"
    // instead, whatever the clock says on a busy machine.
    await expect(startRegistry({ port })).rejects.toThrow(`Verdaccio could not start on 127.0.0.1:${port}: the port is already taken`);
  });

  it('answers npm on a free port and stops on close()', async () => {
    const registry = await startRegistry();
    expect(registry.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await fetch(`${registry.url}-/ping`)).ok).toBe(true);
    await registry.close();
    await expect(fetch(`${registry.url}-/ping`)).rejects.toThrow();
  });
});

describe('publishPackages', () => {
  it('refuses a name that is not a public package, before packing anything', async () => {
    await expect(publishPackages('http://127.0.0.1:9/', { packages: ['@gigapay/docs'] })).rejects.toThrow('Not a public package: @gigapay/docs');
  });

  it("reads pnpm pack's report after what a prepack build printed", () => {
    const stdout = 'CLI Building entry: {"index":"src/index.ts"}\n{\n  "x": 1\n}\n{\n  "name": "@gigapay/client",\n  "version": "1.0.0",\n  "filename": "gigapay-client-1.0.0.tgz"\n}\n';
    expect(packJson(stdout)).toEqual({ name: '@gigapay/client', version: '1.0.0', filename: 'gigapay-client-1.0.0.tgz' });
  });
});
