/**
 * A PDF upload for an alliance (agreement, report or receipt): the presigned POST is asked of the
 * API (POST /v1/alliances/{id}/documents), the file is POSTed to the bucket with XMLHttpRequest
 * (antd Progress from its upload progress events), then the documents list is polled until the
 * verifier has judged the file: verified, or rejected with the reason.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, List, Progress, Space, Tag } from 'antd';
import { useEffect, useId, useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { useStrings, useText } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { applicantStrings, tones, useWord } from './strings.ts';

type Doc = Schemas['Document'];

/** POSTs the form to the presigned URL, reporting upload progress (0–100). */
function postWithProgress(
  url: string,
  fields: Record<string, string>,
  file: File,
  onProgress: (percent: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve();
      } else reject(new Error(`HTTP ${xhr.status}`));
    };
    xhr.onerror = () => reject(new Error('network error'));
    xhr.send(form);
  });
}

export function useDocuments(allianceId: string) {
  return useQuery({
    queryKey: ['alliance', allianceId, 'documents'],
    queryFn: async () =>
      unwrap(await api.GET('/v1/alliances/{allianceId}/documents', { params: { path: { allianceId } } }))
        .items,
    refetchInterval: (q) => ((q.state.data ?? []).some((d) => d.status === 'pending') ? 1000 : false),
  });
}

export function DocumentStatus({ doc }: { doc: Doc }) {
  const s = useStrings(applicantStrings);
  const word = useWord();
  const text = useText();
  const color = doc.status === 'verified' ? 'green' : doc.status === 'rejected' ? 'red' : 'blue';
  return (
    <Space orientation="vertical" size={2}>
      <span>
        {doc.fileName ?? doc.id} <Tag style={tones[color]}>{word(doc.status)}</Tag>
        {doc.pageCount ? `${s('pages')}: ${doc.pageCount}` : null}
      </span>
      {doc.rejection ? (
        <span style={{ color: '#a8071a' }}>
          {s('rejection')}: {text(doc.rejection)}
        </span>
      ) : null}
    </Space>
  );
}

/**
 * Upload one PDF of `kind`; `onJudged` gets the document once it is verified or rejected. Shows the
 * alliance's documents of that kind when `showList`.
 */
export function DocumentUpload({
  allianceId,
  kind,
  label,
  showList = true,
  onJudged,
}: {
  allianceId: string;
  kind: Doc['kind'];
  label: string;
  showList?: boolean;
  onJudged?: (doc: Doc) => void;
}) {
  const s = useStrings(applicantStrings);
  const inputId = useId();
  const queryClient = useQueryClient();
  const docs = useDocuments(allianceId);
  const [file, setFile] = useState<File>();
  const [percent, setPercent] = useState<number>();
  const [error, setError] = useState<unknown>();
  const [current, setCurrent] = useState<string>();
  const [busy, setBusy] = useState(false);
  const mine = (docs.data ?? []).filter((d) => d.kind === kind);
  const judged = mine.find((d) => d.id === current && d.status !== 'pending');
  useEffect(() => {
    if (!judged) return;
    setCurrent(undefined);
    onJudged?.(judged);
  }, [judged, onJudged]);
  const upload = async () => {
    if (!file) return;
    setError(undefined);
    setBusy(true);
    setPercent(0);
    try {
      const ticket = unwrap(
        await api.POST('/v1/alliances/{allianceId}/documents', {
          params: { path: { allianceId } },
          body: { kind, fileName: file.name, contentType: 'application/pdf', size: file.size },
        }),
      );
      await postWithProgress(ticket.upload.url, ticket.upload.fields, file, setPercent);
      setCurrent(ticket.document.id);
      await queryClient.invalidateQueries({ queryKey: ['alliance', allianceId, 'documents'] });
    } catch (e) {
      setError(e instanceof Error ? new Error(`${s('uploadFailed')}: ${e.message}`) : e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={error ?? docs.error} />
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="file"
        accept="application/pdf,.pdf"
        onChange={(e) => {
          setFile(e.target.files?.[0]);
          setPercent(undefined);
        }}
      />
      <Button onClick={() => void upload()} disabled={!file} loading={busy}>
        {s('upload')}
      </Button>
      {percent !== undefined ? (
        <Progress
          percent={percent}
          aria-label={s('uploadProgress')}
          status={error ? 'exception' : undefined}
        />
      ) : null}
      {current ? <Alert type="info" title={`${file?.name ?? ''}: ${s('pending')}…`} /> : null}
      {showList && mine.length ? (
        <List
          size="small"
          header={<strong>{s('documents')}</strong>}
          dataSource={mine}
          renderItem={(d) => (
            <List.Item>
              <DocumentStatus doc={d} />
            </List.Item>
          )}
        />
      ) : null}
    </Space>
  );
}
