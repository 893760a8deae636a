// The GitHub workflows: actionlint passes on them and fails on a broken copy, and each one does
// what the release train relies on.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionlint } from '../src/actionlint.mjs';
import { ROOT } from '../src/workspace.mjs';

const WORKFLOWS = join(ROOT, '.github', 'workflows');
const read = (name: string) => readFileSync(join(WORKFLOWS, name), 'utf8');
const workflow = (name: string) => parse(read(name));
const broken = mkdtempSync(join(tmpdir(), 'gigapay-actionlint-'));
afterAll(() => rmSync(broken, { recursive: true, force: true }));

describe('actionlint', () => {
  it('passes on the three workflows', () => {
    const { status, output } = actionlint(WORKFLOWS);
    expect(output).toContain('Checking 3 workflow file(s)');
    expect(status, output).toBe(0);
  });

  it('fails on a broken copy, naming the file, the line and the problem', () => {
    cpSync(WORKFLOWS, broken, { recursive: true });
    // A typo in a step output the deploy job reads, and a job key GitHub does not know.
    const docs = read('docs.yml').replace('steps.deployment.outputs.page_url', 'steps.deploymnet.outputs.page_url').replace('    needs: build\n', '    needz: build\n');
    writeFileSync(join(broken, 'docs.yml'), docs);
    const { status, output } = actionlint(broken);
    expect(status).toBe(1);
    expect(output).toContain('docs.yml');
    expect(output).toMatch(/deploymnet/);
    expect(output).toMatch(/needz/);
  });
});

describe('the workflows', () => {
  const runs = (job: { steps: Array<{ run?: string; uses?: string }> }) => job.steps.map((step) => step.run ?? step.uses);

  it('ci runs .ci/run on Node 20, 22, 24 and 26 (the versions the consumer suite installs 2.0 on)', () => {
    const { jobs } = workflow('ci.yml');
    expect(jobs.test.strategy.matrix.node).toEqual([20, 22, 24, 26]);
    expect(jobs.test['timeout-minutes']).toBeLessThanOrEqual(90);
    expect(runs(jobs.test)).toContain('bash .ci/run');
  });

  it('release opens the version pull request with changesets and publishes with provenance', () => {
    const { jobs } = workflow('release.yml');
    expect(jobs.release.permissions).toMatchObject({ 'id-token': 'write', contents: 'write', 'pull-requests': 'write' });
    const changesets = jobs.release.steps.find((step: { uses?: string }) => step.uses?.startsWith('changesets/action@'));
    expect(changesets.with).toMatchObject({ version: 'pnpm run release:version', publish: 'pnpm run release:publish' });
    expect(changesets.env.NPM_CONFIG_PROVENANCE).toBe('true');
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;
    expect(scripts['release:version']).toBeDefined();
    // changeset publish tags each package it publishes (@gigapay/client@1.0.0); the action pushes the tags.
    const publish = execFileSync(process.execPath, [join(ROOT, 'tools', 'run.mjs'), '--print', 'release:publish'], { encoding: 'utf8' });
    expect(scripts['release:publish']).toBe('node tools/run.mjs release:publish');
    expect(publish).toMatch(/"exec","changeset","publish"\]$/m);
  });

  it('docs builds the versioned site and deploys it to GitHub Pages', () => {
    const { jobs } = workflow('docs.yml');
    expect(runs(jobs.build)).toContain('pnpm run docs:site');
    const upload = jobs.build.steps.find((step: { uses?: string }) => step.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload.with.path).toBe('packages/docs/site');
    expect(jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(runs(jobs.deploy)).toContain('actions/deploy-pages@v4');
  });
});
