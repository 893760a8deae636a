import { relative } from 'node:path';
import { bin, packageDir, repoRoot } from './paths.js';
import { runTool } from './run-tool.js';

export const ruleset = `${packageDir}spectral/ruleset.yaml`;
export const resolver = `${packageDir}spectral/resolver.cjs`;

export interface Finding {
  code: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  /** The file, relative to the repository root (may be outside it: `../tmp/…`). */
  file: string;
  /** The JSON path inside the resolved document, dot-joined. */
  path: string;
  message: string;
}

const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;

/**
 * One `spectral lint` of the given documents (one process: Spectral's start-up is most of its
 * time) with this package's ruleset and resolver. Exit 2 is Spectral crashing (exit 1 only means
 * findings), so it throws, with Spectral's own output.
 */
/**
 * A guard against a hung Spectral, not a speed budget: one run over the 2.0 split spec and bundle takes
 * about 11 s of CPU, but minutes of wall time when `npm test` keeps both cores busy.
 */
const SPECTRAL_HANG_MS = 240_000;

export async function spectralLint(documents: string[]): Promise<Finding[]> {
  const result = await runTool(bin('spectral'), ['lint', ...documents, '--ruleset', ruleset, '--resolver', resolver, '--format', 'json', '--quiet'], { timeoutMs: SPECTRAL_HANG_MS });
  if (result.code !== 0 && result.code !== 1) throw new Error(`spectral crashed (exit ${result.code}):\n${result.stderr}${result.stdout}`);
  const raw = JSON.parse(result.stdout || '[]') as { code: string; severity: number; source: string; path: (string | number)[]; message: string }[];
  return raw.map((finding) => ({
    code: finding.code,
    severity: SEVERITIES[finding.severity] ?? 'hint',
    file: relative(repoRoot, finding.source),
    path: finding.path.join('.'),
    message: finding.message,
  }));
}

/** A warning Spectral leaves on purpose, and why (README.md lists the same). */
export interface AcceptedWarning {
  code: string;
  /** Matches the finding's `path`. */
  path: RegExp;
  reason: string;
}

export const acceptedWarnings: AcceptedWarning[] = [
  {
    code: 'path-keys-no-trailing-slash',
    path: /^(paths\.\/.+\/)?$/,
    reason: 'Every Gigapay URL ends with "/": the API answers a URL without it with a 307 redirect, which many HTTP stacks follow while dropping Authorization. The slash is the contract.',
  },
  {
    code: 'oas3-unused-component',
    path: /^components\.schemas\.(AmountBasis|PayoutCreateFields)$/,
    reason:
      'The split spec shares the payout fields (PayoutCreateFields) and the exactly-one rule (AmountBasis) by $ref; the bundle spells them out in each branch of the payout and pricing bodies, since Redoc shows a branch\'s own fields only. Both stay as components: @gigapay/types names them (AmountBasis, Schema<"PayoutCreateFields">).',
  },
  {
    code: 'oas3-unused-component',
    path: /^components\.responses\.MethodNotAllowed$/,
    reason: "The docs' 405 (with Allow) belongs to no operation: OpenAPI lists the methods a path has, not the ones it lacks. It is kept in components so the docs show it and its example is validated.",
  },
];

/** The findings that are neither errors nor accepted warnings. */
export function unexplained(findings: Finding[]): Finding[] {
  return findings.filter((finding) => !acceptedWarnings.some((accepted) => finding.severity === 'warning' && accepted.code === finding.code && accepted.path.test(finding.path)));
}
