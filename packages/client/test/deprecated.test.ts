/**
 * `@deprecated` shows in editors: what the TypeScript language service reports as deprecated (the
 * suggestion diagnostics an editor strikes through), in a consumer's file using the built client.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const here = (path: string) => new URL(path, import.meta.url).pathname;

const CONSUMER = `
import { createGigapayClient } from '@gigapay/client';
const gigapay = createGigapayClient({ token: 'key', throwOnError: true });
export async function uses() {
  const { data: payout } = await gigapay.GET('/payouts/{id}/', { params: { path: { id: 'p1' } } });
  payout.amount;
  payout.cost;
  payout.full_salary_specification;
  payout.invoice;
  payout.invoiced_amount;
  payout.payrun;
}
`;

/** The declarations of what a request sends: TypeScript strikes through no object-literal key or string argument, but hovers show their JSDoc. */
const DECLARATIONS = `
import type { components, paths } from '@gigapay/types';
type Basis = components['schemas']['AmountBasis'];
export type AmountBasisAmount = Extract<Basis, { amount: string }>;
export type AmountBasisCost = Extract<Basis, { cost: string }>;
export type PayoutsQuery = NonNullable<paths['/payouts/']['get']['parameters']['query']>;
export type Resend = paths['/payouts/{id}/resend/'];
export type PricingBreakdown = components['schemas']['PricingBreakdown'];
`;

describe('deprecated fields, parameters and operations', () => {
  // Inside the package, so that '@gigapay/client' resolves to its dist/ as for a consumer.
  const dir = mkdtempSync(here('../.deprecated-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are struck through in an editor (the language service reports them deprecated)', () => {
    const file = join(dir, 'consumer.ts');
    writeFileSync(file, CONSUMER);
    const options: ts.CompilerOptions = { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: [], noEmit: true };
    const host: ts.LanguageServiceHost = {
      getScriptFileNames: () => [file],
      getScriptVersion: () => '1',
      getScriptSnapshot: (name) => (ts.sys.fileExists(name) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(name)!) : undefined),
      getCurrentDirectory: () => dir,
      getCompilationSettings: () => options,
      getDefaultLibFileName: ts.getDefaultLibFilePath,
      fileExists: ts.sys.fileExists,
      readFile: ts.sys.readFile,
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
    };
    const service = ts.createLanguageService(host);
    expect(service.getSemanticDiagnostics(file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
    const struck = service
      .getSuggestionDiagnostics(file)
      .filter((diagnostic) => diagnostic.reportsDeprecated)
      .map((diagnostic) => {
        const line = CONSUMER.slice(0, diagnostic.start).split('\n').length - 1;
        return `${CONSUMER.split('\n')[line]!.trim()} → ${CONSUMER.slice(diagnostic.start, diagnostic.start! + diagnostic.length!)}`;
      });
    expect(struck).toEqual([
      'payout.amount; → amount',
      'payout.cost; → cost',
      'payout.full_salary_specification; → full_salary_specification',
      'payout.invoice; → invoice',
    ]);
  }, 60_000);

  it('carry @deprecated in the generated declarations of request bodies, the invoice filter and the PUT resend', () => {
    const file = join(dir, 'declarations.ts');
    writeFileSync(file, DECLARATIONS);
    const program = ts.createProgram([file], { strict: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, noEmit: true, types: [] });
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(file)!;
    const deprecated = (alias: string, property: string) => {
      const declaration = source.statements.find((node): node is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(node) && node.name.text === alias)!;
      const symbol = checker.getPropertyOfType(checker.getTypeAtLocation(declaration.name), property);
      const tag = symbol?.getJsDocTags(checker).find((t) => t.name === 'deprecated');
      return tag ? `${alias}.${property}: deprecated` : `${alias}.${property}: NOT deprecated`;
    };
    expect([
      deprecated('AmountBasisAmount', 'amount'),
      deprecated('AmountBasisCost', 'cost'),
      deprecated('PayoutsQuery', 'invoice'),
      deprecated('PayoutsQuery', 'payrun'),
      deprecated('Resend', 'put'),
      deprecated('Resend', 'patch'),
    ]).toEqual([
      'AmountBasisAmount.amount: deprecated',
      'AmountBasisCost.cost: deprecated',
      'PayoutsQuery.invoice: deprecated',
      'PayoutsQuery.payrun: NOT deprecated',
      'Resend.put: deprecated',
      'Resend.patch: NOT deprecated',
    ]);
  });
});
