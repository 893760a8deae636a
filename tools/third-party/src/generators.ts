import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, packageDir } from './paths.js';
import { runTool } from './run-tool.js';

/**
 * orval's `fetch` client, with one option changed: by default it types each response as
 * `{ data; status: 5XX }`, which is not TypeScript (orval 7.13 writes a status range as a number
 * literal; any spec with a `5XX` response hits it). Without the status in the return type, the
 * output compiles.
 */
const orvalConfig = (spec: string, out: string) =>
  `module.exports = ${JSON.stringify({ gigapay: { input: { target: spec }, output: { target: join(out, 'api.ts'), client: 'fetch', override: { fetch: { includeHttpResponseReturnType: false } } } } })};\n`;

/**
 * Other teams' generators as they would run them on the published bundle, default options (but
 * the orval one above): each writes into its own folder, where the fixture (generators/fixture.ts)
 * and the generator's adapter (generators/<name>.adapter.ts, its names for what the fixture uses)
 * are copied beside the output as fixture.ts and adapter.ts.
 */
export const generators = {
  'openapi-typescript': (spec: string, out: string) => ({ command: bin('openapi-typescript'), args: [spec, '-o', join(out, 'schema.d.ts')] }),
  'hey-api': (spec: string, out: string) => ({ command: bin('openapi-ts'), args: ['-i', spec, '-o', out, '--no-log-file', '--silent'] }),
  orval: (spec: string, out: string) => {
    const config = join(out, 'orval.config.cjs');
    writeFileSync(config, orvalConfig(spec, out));
    return { command: bin('orval'), args: ['--config', config] };
  },
} as const;

export type GeneratorName = keyof typeof generators;

/** How tsc would check the output in a strict project of its own (the generated clients use fetch). */
const TSCONFIG = {
  compilerOptions: {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: 'es2022',
    module: 'esnext',
    moduleResolution: 'bundler',
    lib: ['es2022', 'dom', 'dom.iterable'],
    types: [],
  },
};

export interface TscError {
  /** The generator whose folder the file is in. */
  generator: GeneratorName;
  /** Relative to the generator's folder, such as `fixture.ts`. */
  file: string;
  line: number;
  code: string;
  message: string;
}

/** Runs one generator on `spec` into `<root>/<name>/` with its fixture; returns the folder. Throws with the tool's output when it fails. */
export async function generate(name: GeneratorName, spec: string, root: string): Promise<string> {
  const out = join(root, name);
  mkdirSync(out, { recursive: true });
  const { command, args } = generators[name](spec, out);
  const result = await runTool(command, args, { cwd: out, timeoutMs: 90_000 });
  if (result.code !== 0) throw new Error(`${name} failed (exit ${result.code}):\n${result.stderr}${result.stdout}`);
  copyFileSync(join(packageDir, 'generators', 'fixture.ts'), join(out, 'fixture.ts'));
  copyFileSync(join(packageDir, 'generators', `${name}.adapter.ts`), join(out, 'adapter.ts'));
  return out;
}

/** One `tsc -p` over every generator's folder under `root` (their output and fixtures; one process, the libs parsed once): every error, parsed. */
export async function compile(root: string): Promise<TscError[]> {
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ ...TSCONFIG, include: ['*/**/*.ts'] }, null, 2));
  const result = await runTool(bin('tsc'), ['-p', join(root, 'tsconfig.json'), '--pretty', 'false'], { cwd: root, timeoutMs: 120_000 });
  const errors = [...`${result.stdout}${result.stderr}`.matchAll(/^(.+?)\/(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/gm)].map(([, generator, file, line, code, message]) => ({
    generator: generator as GeneratorName,
    file: file!,
    line: Number(line),
    code: code!,
    message: message!,
  }));
  if (result.code !== 0 && errors.length === 0) throw new Error(`tsc failed without a diagnostic (exit ${result.code}):\n${result.stdout}${result.stderr}`);
  return errors;
}

/** An error a generator's own output has whatever the spec says, and why (the README lists the same). */
export interface AcceptedError {
  generator: GeneratorName;
  code: string;
  file: string;
  message: RegExp;
  reason: string;
}

export const acceptedErrors: AcceptedError[] = [
  {
    generator: 'orval',
    code: 'TS2411',
    file: 'api.ts',
    message: /^Property '(non_field_errors|detail)' of type '.+ \| undefined' is not assignable to 'string' index type 'NestedValidationError \| ErrorMessages'\.$/,
    reason:
      "orval 7.13 writes a schema with named optional properties and a typed additionalProperties (ValidationError: `non_field_errors`, `detail`, then field → messages) as one interface whose index type leaves out the named properties' types and undefined, which strict TypeScript refuses. openapi-typescript and hey-api widen the index type. It is in orval's own output, not in what a fixture uses.",
  },
];

/** The errors that are not accepted for that generator. */
export function unexplained(errors: TscError[]): TscError[] {
  return errors.filter((error) => !acceptedErrors.some((accepted) => accepted.generator === error.generator && accepted.code === error.code && accepted.file === error.file && accepted.message.test(error.message)));
}
