/** The eligibility report: every rule (E1–E6 per enterprise, S1–S4 per society, A1–A5), with why. */
import type { Text } from './text.ts';

export interface RuleResult {
  /** Rule id, e.g. E3. */
  id: string;
  /** Clause of the programme plan, e.g. §3.1.2. */
  clause: string;
  subject: {
    kind: 'enterprise' | 'society' | 'alliance';
    organisationId?: string | undefined;
    name?: string | undefined;
  };
  passed: boolean;
  /** The values the rule looked at. */
  values: Record<string, unknown>;
  message: Text;
}

export interface EligibilityReport {
  eligible: boolean;
  checkedAt: string;
  /** Ids of the rules that failed (each once). */
  failing: string[];
  results: RuleResult[];
}
