import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export interface CurlAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Runs the real curl binary with the sample's words (no shell in between: the words are already
 * split), adding only output options: `--silent --show-error --include` to read the answer.
 */
export async function runCurl(words: string[]): Promise<CurlAnswer> {
  const { stdout } = await exec('curl', ['--silent', '--show-error', '--include', '--max-time', '20', ...words.slice(1)], { encoding: 'utf8' });
  const split = stdout.indexOf('\r\n\r\n');
  const [statusLine, ...headerLines] = stdout.slice(0, split).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine!.split(' ')[1]), headers, body: stdout.slice(split + 4) };
}

export interface Violation {
  side: 'request' | 'response';
  message: string;
}

/**
 * Prism's verdict on one exchange. With `--errors` it refuses a request that breaks the spec (422,
 * or 404/405 for a path or method the spec lacks) with an `application/problem+json` of its own
 * errors namespace, and reports a response that breaks it in `sl-violations` or as such a problem.
 */
export function prismViolations(answer: CurlAnswer): Violation[] {
  const violations: Violation[] = [];
  if (answer.headers['sl-violations']) {
    for (const v of JSON.parse(answer.headers['sl-violations']) as { location?: string[]; message: string }[]) {
      violations.push({ side: v.location?.[0] === 'request' ? 'request' : 'response', message: `${(v.location ?? []).join('.')}: ${v.message}` });
    }
  }
  if (answer.headers['content-type']?.startsWith('application/problem+json')) {
    const problem = JSON.parse(answer.body) as { type?: string; title?: string; detail?: string; validation?: { location: string[]; message: string }[] };
    if (problem.type?.startsWith('https://stoplight.io/prism/errors#')) {
      const kind = problem.type.split('#')[1]!;
      const side = /^(UNPROCESSABLE_ENTITY|NO_PATH_MATCHED_ERROR|NO_METHOD_MATCHED_ERROR|NO_SERVER_MATCHED_ERROR|UNAUTHORIZED)$/.test(kind) ? 'request' : 'response';
      const details = problem.validation?.map((v) => `${v.location.join('.')}: ${v.message}`) ?? [problem.detail ?? problem.title ?? kind];
      for (const message of details) violations.push({ side, message: `${kind}: ${message}` });
    }
  }
  return violations;
}
