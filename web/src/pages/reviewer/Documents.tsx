/**
 * The application's verified documents (the signed agreement, …); each opens through a
 * short-lived link the API signs for me (5 minutes), in a new tab — and the link stays shown, in
 * case the browser blocked the tab.
 */
import { useMutation } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { useStrings } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { reviewerStrings } from './strings.ts';
import type { ReviewDocument } from './types.ts';

const kindKey = { agreement: 'kindAgreement', report: 'kindReport', receipt: 'kindReceipt' } as const;

function DocumentItem(props: { roundId: string; allianceId: string; document: ReviewDocument }) {
  const { roundId, allianceId, document: d } = props;
  const s = useStrings(reviewerStrings);
  const link = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.GET('/v1/reviews/assignments/{roundId}/{allianceId}/documents/{documentId}', {
          params: { path: { roundId, allianceId, documentId: d.id } },
        }),
      ),
    onSuccess: ({ url }) => {
      window.open(url, '_blank', 'noopener');
    },
  });
  const label = `${s(kindKey[d.kind])} · ${d.fileName ?? d.id}`;
  return (
    <li style={{ marginBottom: 8 }}>
      <Space wrap>
        <span>
          {label}
          {d.pageCount ? ` · ${d.pageCount} ${s('pages')}` : ''}
        </span>
        <Button
          size="small"
          onClick={() => link.mutate()}
          loading={link.isPending}
          aria-label={`${s('download')} ${label}`}
        >
          {s('download')}
        </Button>
        {link.data ? (
          <a href={link.data.url} target="_blank" rel="noopener noreferrer" data-testid="document-link">
            {s('linkValid')}
          </a>
        ) : null}
      </Space>
      <ErrorAlert error={link.error} />
    </li>
  );
}

export function Documents(props: { roundId: string; allianceId: string; documents: ReviewDocument[] }) {
  const s = useStrings(reviewerStrings);
  if (!props.documents.length) return <p style={{ margin: 0 }}>{s('noDocuments')}</p>;
  return (
    <ul style={{ paddingInlineStart: 18, margin: 0 }}>
      {props.documents.map((d) => (
        <DocumentItem key={d.id} roundId={props.roundId} allianceId={props.allianceId} document={d} />
      ))}
    </ul>
  );
}
