/** A confirmation dialog that asks why (the reason goes into the audit trail). */
import { Button, Input, Modal, Space } from 'antd';
import { type ReactNode, useId, useState } from 'react';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useS } from './common.tsx';

export function ReasonAction({
  label,
  title,
  question,
  reasonLabel,
  initialReason = '',
  onConfirm,
  pending,
  error,
  danger,
  primary,
  disabled,
  reasonRequired = true,
  extra,
}: {
  label: string;
  title: string;
  question: string;
  reasonLabel: string;
  initialReason?: string;
  onConfirm: (reason: string) => Promise<unknown>;
  pending: boolean;
  error: unknown;
  danger?: boolean;
  primary?: boolean;
  disabled?: boolean;
  reasonRequired?: boolean;
  extra?: ReactNode;
}) {
  const s = useS();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState(initialReason);
  return (
    <>
      <Button
        type={primary ? 'primary' : 'default'}
        danger={danger}
        disabled={disabled}
        onClick={() => setOpen(true)}
      >
        {label}
      </Button>
      <Modal
        open={open}
        title={title}
        onCancel={() => setOpen(false)}
        footer={[
          <Button key="cancel" onClick={() => setOpen(false)}>
            {s('cancel')}
          </Button>,
          <Button
            key="ok"
            type="primary"
            danger={danger}
            loading={pending}
            disabled={reasonRequired && !reason.trim()}
            onClick={() => {
              onConfirm(reason.trim()).then(
                () => setOpen(false),
                () => undefined,
              );
            }}
          >
            {s('confirm')}
          </Button>,
        ]}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <p style={{ margin: 0 }}>{question}</p>
          {extra}
          <label htmlFor={id}>{reasonLabel}</label>
          <Input.TextArea id={id} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          <ErrorAlert error={error} />
        </Space>
      </Modal>
    </>
  );
}
