/** A reviewer's assignments: alliance, round, status in words, review deadline; each opens its application. */
import { Empty, Table } from 'antd';
import { Link } from 'react-router';
import { useStrings } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Scroll } from '../Scroll.tsx';
import { StatusTag, useDate, useMyAssignments, useRounds } from './common.tsx';
import { reviewerStrings } from './strings.ts';
import type { MyAssignment } from './types.ts';

export const assignmentPath = (a: { roundId: string; allianceId: string }) =>
  `/assignments/${encodeURIComponent(a.roundId)}/${encodeURIComponent(a.allianceId)}`;

export function Assignments() {
  const s = useStrings(reviewerStrings);
  const date = useDate();
  const assignments = useMyAssignments();
  const items = assignments.data ?? [];
  const rounds = useRounds(items.map((a) => a.roundId));
  return (
    <>
      <h1 style={{ fontSize: 18 }}>{s('assignments')}</h1>
      <ErrorAlert error={assignments.error ?? rounds.error} />
      <Scroll label={s('assignments')}>
        <Table<MyAssignment>
          rowKey={(a) => `${a.roundId}/${a.allianceId}`}
          size="small"
          loading={assignments.isLoading}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: <Empty description={s('noAssignments')} /> }}
          columns={[
            {
              title: s('alliance'),
              key: 'alliance',
              onCell: () => ({ style: { minWidth: 140 } }),
              render: (_, a) => <Link to={assignmentPath(a)}>{a.name ?? a.allianceId}</Link>,
            },
            { title: s('round'), key: 'round', render: (_, a) => rounds.byId.get(a.roundId)?.name ?? '' },
            {
              title: s('status'),
              key: 'status',
              render: (_, a) => (
                <StatusTag assignment={a} deadline={rounds.byId.get(a.roundId)?.reviewDeadline} />
              ),
            },
            {
              title: s('deadline'),
              key: 'deadline',
              render: (_, a) => date(rounds.byId.get(a.roundId)?.reviewDeadline),
            },
          ]}
        />
      </Scroll>
    </>
  );
}
