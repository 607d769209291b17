/**
 * Execution records, kept in memory and — when a data folder is given — saved to
 * `<dataDir>/stepfunctions/executions.json` after every change (write to a temporary file, then
 * rename, so a crash never leaves a half-written file).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  /** Execution input as a JSON string, exactly as given to StartExecution. */
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  startDate: number; // epoch ms
  stopDate?: number;
  /** How many times the execution was restarted from the beginning after a process restart. */
  restarts?: number;
}

export class ExecutionStore {
  readonly records = new Map<string, ExecutionRecord>();
  private readonly file: string | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(
    dataDir: string | undefined,
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    this.file = dataDir ? join(dataDir, 'stepfunctions', 'executions.json') : undefined;
  }

  get path(): string | undefined {
    return this.file;
  }

  async load(): Promise<ExecutionRecord[]> {
    if (!this.file) return [];
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const parsed = JSON.parse(text) as { executions?: ExecutionRecord[] };
    for (const record of parsed.executions ?? []) this.records.set(record.executionArn, record);
    return [...this.records.values()];
  }

  /** Schedules a save; saves are serialized and coalesced. */
  save(): Promise<void> {
    if (!this.file) return Promise.resolve();
    const file = this.file;
    this.dirty = true;
    this.writing = this.writing
      .catch(() => {})
      .then(async () => {
        if (!this.dirty) return;
        this.dirty = false;
        const body = JSON.stringify({ executions: [...this.records.values()] }, null, 1);
        await mkdir(join(file, '..'), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        await writeFile(tmp, body);
        await rename(tmp, file);
      });
    this.writing.catch((error: unknown) => this.onError(error));
    return this.writing;
  }

  flush(): Promise<void> {
    return this.writing;
  }
}
