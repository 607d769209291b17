/** Declaring a conflict of interest: a reason, a confirmation, then the result (replaced, or a shortfall). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { useStrings } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { assignmentsKey } from './common.tsx';
import { reviewerStrings } from './strings.ts';
import type { ConflictResult } from './types.ts';

export function ConflictForm(props: {
  roundId: string;
  allianceId: string;
  onDeclared: (result: ConflictResult & { reason: string }) => void;
}) {
  const { roundId, allianceId } = props;
  const s = useStrings(reviewerStrings);
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const declare = useMutation({
    mutationFn: async (reason: string) =>
      unwrap(
        await api.POST('/v1/reviews/assignments/{roundId}/{allianceId}/conflict', {
          params: { path: { roundId, allianceId } },
          body: { reason },
        }),
      ),
    onSuccess: (result, reason) => {
      props.onDeclared({ ...result, reason });
      void queryClient.invalidateQueries({ queryKey: assignmentsKey });
    },
  });
  return (
    <Form<{ reason: string }>
      layout="vertical"
      onFinish={({ reason }) =>
        modal.confirm({
          title: s('confirmConflict'),
          content: s('confirmConflictBody'),
          okText: s('confirm'),
          okButtonProps: { danger: true },
          cancelText: s('cancel'),
          onOk: () => declare.mutate(reason.trim()),
        })
      }
    >
      <p>{s('conflictHelp')}</p>
      <ErrorAlert error={declare.error} />
      <Form.Item name="reason" label={s('reason')} rules={[{ required: true, whitespace: true, max: 1000 }]}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Button danger htmlType="submit" loading={declare.isPending}>
        {s('declare')}
      </Button>
    </Form>
  );
}
