/**
 * A round's exports: the ranking with reasons, the screening list, review progress and the awards,
 * each as Excel (.xlsx) or CSV, built in the browser from the API's JSON. exceljs is imported only
 * when an Excel download is clicked (export-file.ts), so no other screen loads it.
 */
import { Alert, Button, Card, Space } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useF, useS } from './common.tsx';
import { buildTable, type ExportKind, exportKinds } from './export-data.ts';
import { csvBlob, xlsxBlob } from './export-file.ts';

function save(blob: Blob, file: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function Exports() {
  const { id: roundId = '' } = useParams();
  const s = useS();
  const f = useF();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const download = async (kind: ExportKind, format: 'xlsx' | 'csv') => {
    setBusy(`${kind}.${format}`);
    setError(null);
    setDone(null);
    try {
      const table = await buildTable(kind, roundId);
      const file = `${roundId}-${table.title}.${format}`;
      save(format === 'xlsx' ? await xlsxBlob(table) : csvBlob(table), file);
      setDone(f('downloaded', { file, n: table.rows.length }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <p style={{ marginBottom: 4 }}>
        <Link to={`/rounds/${encodeURIComponent(roundId)}`}>{s('backToRound')}</Link>
      </p>
      <h1 style={{ fontSize: 18 }}>{s('exports')}</h1>
      <p>{s('exportsIntro')}</p>
      <ErrorAlert error={error} />
      {done ? (
        <Alert type="success" showIcon role="status" title={done} style={{ marginBottom: 12 }} />
      ) : null}
      <Space direction="vertical" style={{ width: '100%' }}>
        {exportKinds.map((kind) => (
          <Card
            key={kind}
            size="small"
            title={<h2 style={{ fontSize: 15, margin: 0 }}>{s(`export-${kind}`)}</h2>}
          >
            <Space wrap>
              <Button
                type="primary"
                data-export={`${kind}.xlsx`}
                loading={busy === `${kind}.xlsx`}
                disabled={busy !== null}
                onClick={() => void download(kind, 'xlsx')}
              >
                {s('excel')}
              </Button>
              <Button
                data-export={`${kind}.csv`}
                loading={busy === `${kind}.csv`}
                disabled={busy !== null}
                onClick={() => void download(kind, 'csv')}
              >
                {s('csv')}
              </Button>
            </Space>
          </Card>
        ))}
      </Space>
    </>
  );
}
