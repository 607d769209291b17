/**
 * The rubric scoring form: one whole-number input per criterion bounded to its maximum, the total,
 * a recommendation and comments; submitted after a confirmation. Once submitted, the review is
 * shown read-only (with a way to change it while the reviews are open).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Form, Input, InputNumber, Radio, Space, Table } from 'antd';
import { useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { useStrings } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Scroll } from '../Scroll.tsx';
import { assignmentsKey, useDate } from './common.tsx';
import { reviewerStrings } from './strings.ts';
import type { MyReview, Recommendation } from './types.ts';

type Criterion = Schemas['Round']['rubric'][number];

interface Values {
  scores: Record<string, number | null | undefined>;
  recommendation: Recommendation;
  comment: string;
}

const recommendationKey = {
  fund: 'fund',
  'fund-if-budget': 'fundIfBudget',
  'do-not-fund': 'doNotFund',
} as const;

export function ScoreForm(props: {
  roundId: string;
  allianceId: string;
  rubric: Criterion[];
  myReview?: MyReview;
  deadline: string;
}) {
  const { roundId, allianceId, rubric, myReview } = props;
  const s = useStrings(reviewerStrings);
  const date = useDate();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<Values>();
  const scores = Form.useWatch('scores', form) ?? {};
  const maxTotal = rubric.reduce((acc, c) => acc + c.max, 0);
  const total = rubric.reduce((acc, c) => acc + (Number(scores[c.id]) || 0), 0);
  const submit = useMutation({
    mutationFn: async (values: Values) =>
      unwrap(
        await api.PUT('/v1/reviews/assignments/{roundId}/{allianceId}', {
          params: { path: { roundId, allianceId } },
          body: {
            scores: Object.fromEntries(rubric.map((c) => [c.id, Number(values.scores[c.id])])),
            recommendation: values.recommendation,
            comment: values.comment,
          },
        }),
      ),
    onSuccess: async () => {
      setEditing(false);
      await queryClient.invalidateQueries({ queryKey: ['reviews'] });
      void queryClient.invalidateQueries({ queryKey: assignmentsKey });
    },
  });
  const open = Date.parse(props.deadline) > Date.now();

  if (myReview && !editing) {
    const mine = rubric.reduce((acc, c) => acc + (myReview.scores[c.id] ?? 0), 0);
    return (
      <section aria-label={s('mySubmission')}>
        <h3 style={{ fontSize: 15, margin: '0 0 8px' }}>{s('mySubmission')}</h3>
        <Scroll label={s('scoring')}>
          <Table<Criterion>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={rubric}
            columns={[
              { title: s('criterion'), dataIndex: 'name' },
              { title: s('weight'), dataIndex: 'weight', render: (w: number) => `${w}%` },
              {
                title: s('score'),
                key: 'score',
                render: (_, c) => `${myReview.scores[c.id] ?? '—'} / ${c.max}`,
              },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  <strong>{s('total')}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1}>
                  <strong data-testid="review-total">{`${mine} / ${maxTotal}`}</strong>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        </Scroll>
        <Descriptions size="small" column={1} bordered style={{ marginTop: 12 }}>
          <Descriptions.Item label={s('recommendation')}>
            {s(recommendationKey[myReview.recommendation] ?? 'fund')}
          </Descriptions.Item>
          <Descriptions.Item label={s('comment')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{myReview.comment}</span>
          </Descriptions.Item>
          <Descriptions.Item label={s('submittedAt')}>{date(myReview.submittedAt)}</Descriptions.Item>
        </Descriptions>
        {open ? (
          <Button style={{ marginTop: 12 }} onClick={() => setEditing(true)}>
            {s('change')}
          </Button>
        ) : null}
      </section>
    );
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={myReview ? { ...myReview } : { scores: {} }}
      onFinish={(values) =>
        modal.confirm({
          title: s('confirmSubmit'),
          content: `${s('total')}: ${total} / ${maxTotal}. ${s('confirmSubmitBody')}`,
          okText: s('confirm'),
          cancelText: s('cancel'),
          onOk: () => submit.mutate(values),
        })
      }
    >
      <ErrorAlert error={submit.error} />
      {rubric.map((c) => (
        <Form.Item
          key={c.id}
          name={['scores', c.id]}
          label={`${c.name}（${s('scoreOf')} ${c.max}，${s('weight')} ${c.weight}%）`}
          extra={c.description}
          rules={[{ required: true }, { type: 'integer', min: 0, max: c.max }]}
        >
          <InputNumber min={0} max={c.max} precision={0} step={1} style={{ width: 160 }} />
        </Form.Item>
      ))}
      <p aria-live="polite" style={{ fontSize: 15 }}>
        <strong>{s('total')}</strong>：<span data-testid="score-total">{`${total} / ${maxTotal}`}</span>
      </p>
      <Form.Item name="recommendation" label={s('recommendation')} rules={[{ required: true }]}>
        <Radio.Group
          options={(['fund', 'fund-if-budget', 'do-not-fund'] as const).map((r) => ({
            value: r,
            label: s(recommendationKey[r]),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="comment"
        label={s('comment')}
        rules={[{ required: true, whitespace: true, max: 5000 }]}
      >
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={submit.isPending}>
          {s('submit')}
        </Button>
        {myReview ? <Button onClick={() => setEditing(false)}>{s('cancel')}</Button> : null}
      </Space>
    </Form>
  );
}
