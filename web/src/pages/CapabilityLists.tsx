/** The capability form's repeating parts: experts (name, title, field) and past services (title, year, result). */
import { Button, Col, Form, Input, InputNumber, Row } from 'antd';
import { useT } from '../i18n.ts';

export function CapabilityLists() {
  const t = useT();
  return (
    <>
      <h2 style={{ fontSize: 15 }}>{t('experts')}</h2>
      <Form.List name="experts">
        {(rows, { add, remove }) => (
          <>
            {rows.map(({ key, name }) => (
              <Row key={key} gutter={8} align="bottom">
                <Col xs={24} md={7}>
                  <Form.Item name={[name, 'name']} label={t('name')} rules={[{ required: true }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={7}>
                  <Form.Item name={[name, 'title']} label={t('expertTitle')} rules={[{ required: true }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={7}>
                  <Form.Item name={[name, 'field']} label={t('expertField')} rules={[{ required: true }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={3}>
                  <Form.Item>
                    <Button onClick={() => remove(name)}>{t('remove')}</Button>
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Form.Item>
              <Button onClick={() => add()}>{`${t('add')}${t('experts')}`}</Button>
            </Form.Item>
          </>
        )}
      </Form.List>
      <h2 style={{ fontSize: 15 }}>{t('pastServices')}</h2>
      <Form.List name="pastServices">
        {(rows, { add, remove }) => (
          <>
            {rows.map(({ key, name }) => (
              <Row key={key} gutter={8} align="bottom">
                <Col xs={24} md={8}>
                  <Form.Item name={[name, 'title']} label={t('serviceTitle')} rules={[{ required: true }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={4}>
                  <Form.Item name={[name, 'year']} label={t('year')} rules={[{ required: true }]}>
                    <InputNumber min={1950} max={2100} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={9}>
                  <Form.Item name={[name, 'result']} label={t('result')} rules={[{ required: true }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={3}>
                  <Form.Item>
                    <Button onClick={() => remove(name)}>{t('remove')}</Button>
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Form.Item>
              <Button onClick={() => add()}>{`${t('add')}${t('pastServices')}`}</Button>
            </Form.Item>
          </>
        )}
      </Form.List>
    </>
  );
}
