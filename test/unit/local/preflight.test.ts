import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { checkJava, claimPort, PreflightError } from '../../../local/preflight.ts';

describe('preflight: a one-line fix instead of a stack trace', () => {
  it('names the busy port, what wanted it and the variable that moves it', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const error = await claimPort(port, 'API', 'PORT').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PreflightError);
      expect((error as Error).message).toMatch(
        new RegExp(`^Port ${port} \\(API\\) is in use: .*PORT=<port> npm start\\.$`),
      );
      expect((error as Error).message).not.toContain('\n');
    } finally {
      blocker.close();
    }
  });

  it('hands out a free port when asked for port 0', async () => {
    const port = await claimPort(0, 'API', 'PORT');
    expect(port).toBeGreaterThan(0);
  });

  it('says how to install Java when there is none on PATH', () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(() => checkJava()).toThrow(PreflightError);
      expect(() => checkJava()).toThrow(/Java 17\+ is needed .*apt-get install -y openjdk-17-jdk-headless/);
    } finally {
      process.env.PATH = path;
    }
  });

  it('passes on this machine, which has Java 17+', () => {
    expect(() => checkJava()).not.toThrow();
  });
});
