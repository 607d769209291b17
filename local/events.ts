/**
 * A local EventBridge default bus: the template's event rules (patterns and Lambda targets),
 * matched against events the local stack puts (S3 object-created events from s3rver, custom
 * events). Supports the pattern forms the app uses: exact values, prefix, exists, anything-but.
 */
import { type CfnTemplate, resolveIntrinsics } from './template.ts';

export interface LocalRule {
  logicalId: string;
  pattern: Record<string, unknown>;
  targets: string[];
}

type Matcher = string | number | boolean | null | Record<string, unknown>;

function matchValue(matchers: Matcher[], value: unknown): boolean {
  const values = Array.isArray(value) ? value : [value];
  return matchers.some((m) => {
    if (m !== null && typeof m === 'object') {
      if ('prefix' in m) return values.some((v) => typeof v === 'string' && v.startsWith(String(m.prefix)));
      if ('exists' in m) return m.exists ? value !== undefined : value === undefined;
      if ('anything-but' in m) {
        const but = Array.isArray(m['anything-but']) ? m['anything-but'] : [m['anything-but']];
        return value !== undefined && values.every((v) => !but.includes(v));
      }
      return false;
    }
    return values.includes(m);
  });
}

export function matchesPattern(pattern: Record<string, unknown>, event: Record<string, unknown>): boolean {
  return Object.entries(pattern).every(([key, rule]) => {
    const value = event[key];
    if (Array.isArray(rule)) return matchValue(rule as Matcher[], value);
    if (rule && typeof rule === 'object') {
      return (
        value !== null &&
        typeof value === 'object' &&
        matchesPattern(rule as Record<string, unknown>, value as Record<string, unknown>)
      );
    }
    return false;
  });
}

/** The rules of the template with an EventPattern and Lambda targets (by function logical id). */
export function extractRules(template: CfnTemplate, resolve: (value: unknown) => unknown): LocalRule[] {
  const rules: LocalRule[] = [];
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    const props = resource.Properties ?? {};
    if (resource.Type !== 'AWS::Events::Rule' || props['EventPattern'] === undefined) continue;
    const targets = ((props['Targets'] ?? []) as { Arn: unknown }[])
      .map((t) => (t.Arn as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt']?.[0])
      .filter((id): id is string => typeof id === 'string');
    rules.push({ logicalId, pattern: resolve(props['EventPattern']) as Record<string, unknown>, targets });
  }
  return rules;
}

export function createLocalBus(options: {
  template: CfnTemplate;
  /** Values for the template's references to the data stack (bucket names, …). */
  imports: (name: string) => string | undefined;
  invoke: (functionLogicalId: string, event: unknown) => Promise<unknown>;
  log?: (line: string) => void;
}) {
  const rules = extractRules(options.template, (value) =>
    resolveIntrinsics(value, options.template, {
      resolver: (query) => (query.kind === 'ImportValue' ? options.imports(String(query.name)) : undefined),
    }),
  );
  return {
    rules,
    /** Delivers an event to every matching rule's targets; resolves when all have run. */
    async put(
      event: Record<string, unknown>,
    ): Promise<{ rule: string; target: string; ok: boolean; error?: string }[]> {
      const deliveries = rules
        .filter((rule) => matchesPattern(rule.pattern, event))
        .flatMap((rule) => rule.targets.map((target) => ({ rule: rule.logicalId, target })));
      return Promise.all(
        deliveries.map(async ({ rule, target }) => {
          try {
            await options.invoke(target, event);
            return { rule, target, ok: true };
          } catch (error) {
            const message = `${(error as Error).name}: ${(error as Error).message}`;
            options.log?.(`event ${String(event['detail-type'])} → ${target} failed: ${message}`);
            return { rule, target, ok: false, error: message };
          }
        }),
      );
    },
  };
}
