/**
 * The notifier counts every inserted audit record (a decision) as the EMF metric BusinessEvents
 * with its action as the dimension — the programme's business metrics — and sends nothing for it.
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const record = (n: number, item: Record<string, unknown>) => ({
  eventID: `e${n}`,
  eventName: 'INSERT',
  dynamodb: { SequenceNumber: String(n), NewImage: marshall(item) },
});

describe('notifier: business events from the audit trail', () => {
  beforeEach(() => {
    vi.stubEnv('NOTIFY_CHANNEL', 'smtp');
    vi.stubEnv('NOTIFY_SMTP_URL', 'smtp://127.0.0.1:9');
    vi.stubEnv('NOTIFY_FROM', 'no-reply@esip.test');
    vi.stubEnv('POWERTOOLS_METRICS_NAMESPACE', 'Esip');
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    vi.stubEnv('POWERTOOLS_DEV', 'true'); // EMF lines to the global console (spied on below)
    vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'esip-notifier');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('emits one BusinessEvents metric per action with its count', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
      lines.push(String(line));
    });
    const { handler } = await import('../../../functions/notifier/handler.ts');
    const audit = (action: string) => ({ pk: 'ALLIANCE#a', sk: `AUDIT#${action}`, type: 'audit', action });
    const result = await handler(
      {
        Records: [
          record(1, audit('alliance.submitted')),
          record(2, audit('ledger.expense')),
          record(3, audit('alliance.submitted')),
          record(4, { pk: 'ROUND#r', sk: 'ROUND', type: 'round' }),
        ],
      },
      { awsRequestId: 'test', functionName: 'notifier' } as never,
    );
    expect(result).toEqual({ batchItemFailures: [] });
    const emf = lines
      .filter((l) => l.includes('BusinessEvents'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const byAction = Object.fromEntries(emf.map((m) => [m.action, m.BusinessEvents]));
    expect(byAction).toEqual({ 'alliance.submitted': 2, 'ledger.expense': 1 });
    for (const m of emf) {
      const meta = (m._aws as { CloudWatchMetrics: { Namespace: string; Dimensions: string[][] }[] })
        .CloudWatchMetrics[0]!;
      expect(meta.Namespace).toBe('Esip');
      expect(meta.Dimensions[0]).toContain('action');
    }
  });
});
