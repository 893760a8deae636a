// What users install: the built sandbox carries the private validator inside it, code and types.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dist = new URL('../dist/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

describe('the built package', () => {
  it('never imports the private @gigapay/openapi-validator (it is bundled)', () => {
    const files = readdirSync(dist).filter((f) => /\.(js|d\.ts)$/.test(f));
    expect(files).toContain('index.d.ts');
    for (const file of files) expect(readFileSync(new URL(file, dist), 'utf8'), file).not.toContain('@gigapay/openapi-validator');
    expect(Object.keys(manifest.dependencies)).not.toContain('@gigapay/openapi-validator');
  });

  it('runs from dist: validates a request with the bundled validator', async () => {
    const { createSandbox } = await import(new URL('index.js', dist).href);
    const sandbox = createSandbox();
    const response = await sandbox.fetch(
      new Request(`${sandbox.url}employees/`, {
        method: 'POST',
        headers: { authorization: `Token ${sandbox.token}`, 'integration-id': sandbox.integrationId, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 7 }),
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ name: ['Not a valid string.'] });
  });
});
