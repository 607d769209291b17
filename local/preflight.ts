/** Checks that turn a missing Java or a busy port into a one-line fix instead of a stack trace. */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

export class PreflightError extends Error {
  override name = 'PreflightError';
}

export function checkJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new PreflightError(
      'Java 17+ is needed for DynamoDB Local and was not found: install it (Debian/Ubuntu: `apt-get install -y openjdk-17-jdk-headless`), then run again.',
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  const major = match ? Number(match[1] === '1' ? match[2] : match[1]) : 0;
  if (major < 17) {
    throw new PreflightError(
      `Java ${major} was found but DynamoDB Local needs Java 17+: install it (apt-get install -y openjdk-17-jdk-headless) and put it first on PATH.`,
    );
  }
}

/** Resolves when `port` is free on 127.0.0.1; port 0 asks the OS for a free one and returns it. */
export function claimPort(port: number, what: string, envVar: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new PreflightError(
            `Port ${port} (${what}) is in use: stop whatever listens there (\`lsof -i :${port}\`) or choose another with ${envVar}=<port> npm start.`,
          ),
        );
      } else reject(error);
    });
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const chosen = typeof address === 'object' && address ? address.port : port;
      server.close(() => resolve(chosen));
    });
  });
}
