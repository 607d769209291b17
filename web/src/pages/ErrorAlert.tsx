import { Alert } from 'antd';
import { ApiError } from '../api/client.ts';

/** An API error as the API worded it (in the language the console asked for), with its field details. */
export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const details =
    error instanceof ApiError
      ? error.details.map((d) => {
          const { path, message: m } = d as { path?: unknown; message?: string };
          return `${Array.isArray(path) ? path.join('.') : (path ?? '')} ${m ?? ''}`.trim();
        })
      : [];
  return (
    <Alert
      type="error"
      role="alert"
      showIcon
      title={message}
      description={details.length ? details.join('; ') : undefined}
      style={{ marginBottom: 12 }}
    />
  );
}
