/**
 * One assignment: the application (its content and documents), the rubric scoring form (or my
 * submitted review, read-only), and declaring a conflict of interest. An assignment I recused
 * myself from shows only that.
 */
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Result, Space } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { useStrings } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { ConflictForm } from './ConflictCard.tsx';
import { StatusTag, useDate, useMyAssignments, useRounds } from './common.tsx';
import { Documents } from './Documents.tsx';
import { Proposal } from './Proposal.tsx';
import { ScoreForm } from './ScoreForm.tsx';
import { reviewerStrings } from './strings.ts';
import type { AssignedApplication, ConflictResult, MyAssignment } from './types.ts';

const h2 = { fontSize: 16, margin: 0 } as const;

export function AssignmentDetail() {
  const s = useStrings(reviewerStrings);
  const date = useDate();
  const { roundId = '', allianceId = '' } = useParams();
  const [declared, setDeclared] = useState<ConflictResult & { reason: string }>();
  const assignments = useMyAssignments();
  const entry = assignments.data?.find((a) => a.roundId === roundId && a.allianceId === allianceId);
  const recused = declared !== undefined || entry?.status === 'conflict';
  const read = useQuery({
    queryKey: ['reviews', 'assignment', roundId, allianceId],
    // Only while I am on it: a recused reviewer no longer sees the application (404).
    enabled: assignments.isSuccess && !recused,
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/reviews/assignments/{roundId}/{allianceId}', {
          params: { path: { roundId, allianceId } },
        }),
      ) as unknown as AssignedApplication,
  });
  const round = useRounds([roundId]).byId.get(roundId);
  const data = read.data;
  const name = data?.alliance.name ?? entry?.name ?? allianceId;
  const shown: MyAssignment = entry ?? {
    roundId,
    allianceId,
    reviewed: Boolean(data?.myReview),
    assignedAt: '',
  };
  const back = <Link to="/assignments">{s('back')}</Link>;

  if (recused) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <h1 style={{ fontSize: 18, margin: 0 }}>{name}</h1>
        <Result
          status="info"
          title={<h2 style={h2}>{s('conflictDeclared')}</h2>}
          subTitle={
            <>
              {declared ? <p>{declared.shortfall ? s('shortfall') : s('replaced')}</p> : null}
              {(declared?.reason ?? entry?.conflictReason) ? (
                <p>
                  {s('yourReason')}：{declared?.reason ?? entry?.conflictReason}
                </p>
              ) : null}
            </>
          }
          extra={back}
        />
      </Space>
    );
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {back}
      <h1 style={{ fontSize: 18, margin: 0 }}>{name}</h1>
      <ErrorAlert error={assignments.error ?? read.error} />
      <Descriptions size="small" column={{ xs: 1, sm: 1, md: 3 }} bordered>
        <Descriptions.Item label={s('round')}>{round?.name ?? roundId}</Descriptions.Item>
        <Descriptions.Item label={s('status')}>
          <StatusTag assignment={shown} deadline={data?.reviewDeadline ?? round?.reviewDeadline} />
        </Descriptions.Item>
        <Descriptions.Item label={s('deadline')}>
          {date(data?.reviewDeadline ?? round?.reviewDeadline)}
        </Descriptions.Item>
      </Descriptions>
      {data ? (
        <>
          <Card title={<h2 style={h2}>{s('proposal')}</h2>}>
            <Proposal alliance={data.alliance} round={round} />
          </Card>
          <Card title={<h2 style={h2}>{s('documents')}</h2>}>
            <Documents roundId={roundId} allianceId={allianceId} documents={data.documents ?? []} />
          </Card>
          <Card title={<h2 style={h2}>{s('scoring')}</h2>}>
            <ScoreForm
              key={data.myReview?.version ?? 0}
              roundId={roundId}
              allianceId={allianceId}
              rubric={data.rubric}
              myReview={data.myReview}
              deadline={data.reviewDeadline}
            />
          </Card>
          <Card title={<h2 style={h2}>{s('conflictTitle')}</h2>}>
            <ConflictForm roundId={roundId} allianceId={allianceId} onDeclared={setDeclared} />
          </Card>
        </>
      ) : null}
    </Space>
  );
}
