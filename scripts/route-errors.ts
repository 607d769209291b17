/**
 * Which domain errors each operation can answer with, derived from the call graph: from each
 * operation of a route group's handler (functions/<group>/handler.ts, `httpHandler(group, {...})`)
 * through every function of the project it calls or passes on, to the error factories of
 * shared/domain/errors.ts (notFound → not_found, conflict → conflict, ruleViolation →
 * rule_violation, …). An over-approximation (a reachable factory may not be reachable in every
 * state), never knowingly an under-one, except through interfaces without a body.
 *
 * `npm run openapi` writes the result to shared/api/route-errors.ts (which the OpenAPI document
 * reads at run time, without the compiler); test/unit/api/route-errors.test.ts keeps the two equal.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { DomainErrorCode } from '../shared/domain/errors.ts';

const root = path.resolve(import.meta.dirname, '..');
const ERRORS_MODULE = path.join(root, 'shared', 'domain', 'errors.ts');
const HTTP_ERRORS_MODULE = path.join(root, 'shared', 'http', 'errors.ts');

/** The factories of shared/domain/errors.ts and the code each raises. */
const FACTORIES: Record<string, DomainErrorCode> = {
  notFound: 'not_found',
  forbidden: 'forbidden',
  conflict: 'conflict',
  versionConflict: 'version_conflict',
  ruleViolation: 'rule_violation',
  invalid: 'validation_failed',
  unavailable: 'unavailable',
  tooManyRequests: 'too_many_requests',
  RateLimitedError: 'too_many_requests',
};
/** Factories whose first argument is the code. */
const BY_FIRST_ARGUMENT = new Set(['domainError', 'DomainError']);
const HTTP_STATUS_CODE: Record<number, DomainErrorCode> = {
  400: 'validation_failed',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  422: 'rule_violation',
  429: 'too_many_requests',
  503: 'unavailable',
};

const ORDER: readonly DomainErrorCode[] = [
  'validation_failed',
  'forbidden',
  'not_found',
  'version_conflict',
  'conflict',
  'payload_too_large',
  'rule_violation',
  'too_many_requests',
  'unavailable',
];

export function deriveRouteErrors(): Record<string, DomainErrorCode[]> {
  const handlers = readdirSync(path.join(root, 'functions'))
    .map((dir) => path.join(root, 'functions', dir, 'handler.ts'))
    .filter((file) => ts.sys.fileExists(file));
  const program = ts.createProgram(handlers, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    allowImportingTsExtensions: true,
    resolveJsonModule: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();

  const inProject = (file: string) =>
    file.startsWith(root) && !file.includes(`${path.sep}node_modules${path.sep}`);

  const resolve = (node: ts.Node): ts.Symbol | undefined => {
    let symbol = checker.getSymbolAtLocation(node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    return symbol;
  };

  /** The function-like bodies a symbol stands for (a function, a const arrow, a method). */
  const bodiesOf = (symbol: ts.Symbol): ts.Node[] => {
    const out: ts.Node[] = [];
    for (const decl of symbol.declarations ?? []) {
      const file = decl.getSourceFile().fileName;
      if (!inProject(file) || file === ERRORS_MODULE || file === HTTP_ERRORS_MODULE) continue;
      if (ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl)) {
        if (decl.body) out.push(decl.body);
      } else if (
        (ts.isVariableDeclaration(decl) || ts.isPropertyAssignment(decl)) &&
        decl.initializer &&
        (ts.isArrowFunction(decl.initializer) ||
          ts.isFunctionExpression(decl.initializer) ||
          ts.isCallExpression(decl.initializer) ||
          ts.isObjectLiteralExpression(decl.initializer))
      ) {
        out.push(decl.initializer);
      } else if (ts.isClassDeclaration(decl)) {
        out.push(decl);
      }
    }
    return out;
  };

  const codeOfFactory = (node: ts.CallExpression | ts.NewExpression, symbol: ts.Symbol) => {
    const decl = symbol.declarations?.[0];
    const file = decl?.getSourceFile().fileName;
    const name = symbol.getName();
    if (file === ERRORS_MODULE) {
      if (FACTORIES[name]) return FACTORIES[name];
      if (BY_FIRST_ARGUMENT.has(name)) {
        const first = node.arguments?.[0];
        if (first && ts.isStringLiteralLike(first)) return first.text as DomainErrorCode;
      }
    }
    if (file === HTTP_ERRORS_MODULE && name === 'ApiError') {
      const first = node.arguments?.[0];
      if (first && ts.isNumericLiteral(first)) return HTTP_STATUS_CODE[Number(first.text)];
    }
    return undefined;
  };

  /** Per function body: the codes it raises itself and the bodies it calls or passes on. */
  const direct = new Map<ts.Node, { codes: Set<DomainErrorCode>; calls: Set<ts.Node> }>();
  const scan = (start: ts.Node) => {
    let entry = direct.get(start);
    if (entry) return entry;
    entry = { codes: new Set(), calls: new Set() };
    direct.set(start, entry);
    const { codes, calls } = entry;
    const walk = (node: ts.Node) => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const symbol = resolve(node.expression);
        const code = symbol && codeOfFactory(node, symbol);
        if (code) codes.add(code);
      }
      if (ts.isIdentifier(node)) {
        const symbol = resolve(node);
        if (symbol) for (const body of bodiesOf(symbol)) if (body !== start) calls.add(body);
      }
      ts.forEachChild(node, walk);
    };
    walk(start);
    return entry;
  };
  /** Every code reachable from a body (breadth-first over the call graph). */
  const visit = (start: ts.Node): Set<DomainErrorCode> => {
    const found = new Set<DomainErrorCode>();
    const seen = new Set<ts.Node>([start]);
    const queue = [start];
    while (queue.length) {
      const { codes, calls } = scan(queue.shift()!);
      for (const c of codes) found.add(c);
      for (const next of calls) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    return found;
  };

  const result: Record<string, DomainErrorCode[]> = {};
  for (const file of handlers) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const find = (node: ts.Node) => {
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'httpHandler' &&
        node.arguments[1] &&
        ts.isObjectLiteralExpression(node.arguments[1])
      ) {
        for (const property of node.arguments[1].properties) {
          if (!property.name || !ts.isIdentifier(property.name)) continue;
          const codes = visit(property);
          result[property.name.text] = ORDER.filter((code) => codes.has(code));
        }
      }
      ts.forEachChild(node, find);
    };
    find(source);
  }
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => a.localeCompare(b)));
}

/** The source of shared/api/route-errors.ts. */
export function routeErrorsModule(errors = deriveRouteErrors()): string {
  const lines = Object.entries(errors).map(
    ([id, codes]) => `  ${id}: [${codes.map((c) => `'${c}'`).join(', ')}],`,
  );
  return [
    '// Generated by scripts/route-errors.ts (npm run openapi) from the call graph: do not edit.',
    "import type { DomainErrorCode } from '../domain/errors.ts';",
    '',
    '/** The domain errors each operation can raise (besides what the HTTP adapter itself answers). */',
    'export const routeErrors: Readonly<Record<string, readonly DomainErrorCode[]>> = {',
    ...lines,
    '};',
    '',
  ].join('\n');
}
