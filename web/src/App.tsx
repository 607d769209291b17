/** The console's shell: language (zh_CN first), sign-in state, the menu by role and the routes. */
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Result, Space, Spin, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useContext, useEffect, useState } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { setApiLanguage } from './api/client.ts';
import { areas } from './areas/index.ts';
import { completeSignIn, currentClaims, loadConfig, signIn, signOut } from './auth/session.ts';
import { type Lang, LangContext, useT } from './i18n.ts';

const OrganisationPage = lazy(() =>
  import('./pages/Organisation.tsx').then((m) => ({ default: m.OrganisationPage })),
);

/** antd's palette darkened to WCAG AA contrast (4.5:1) for text on and in coloured elements. */
const theme = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorLinkHover: '#003eb3',
    colorLinkActive: '#002c8c',
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorSuccess: '#237804',
    colorError: '#c41d1f',
    colorWarning: '#ad4e00',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  },
};

function Callback() {
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const t = useT();
  useEffect(() => {
    completeSignIn(location.search).then(
      (to) => navigate(to, { replace: true }),
      (e: Error) => setError(e.message),
    );
  }, [navigate]);
  return error ? <Result status="error" title={error} /> : <Spin description={t('signingIn')} fullscreen />;
}

function Home() {
  const t = useT();
  // On AWS staff sign in through their own user pool (config.json signIn.staff); locally one issuer.
  const [staffPool, setStaffPool] = useState(false);
  useEffect(() => {
    loadConfig().then(
      (c) => setStaffPool(Boolean(c.signIn?.staff)),
      () => setStaffPool(false),
    );
  }, []);
  return (
    <Result
      status="info"
      title={t('title')}
      subTitle={t('welcome')}
      extra={
        <Space wrap>
          <Button type="primary" onClick={() => void signIn('/organisation', 'applicant')}>
            {t('signIn')}
          </Button>
          {staffPool && (
            <Button onClick={() => void signIn('/organisation', 'staff')}>{t('staffSignIn')}</Button>
          )}
        </Space>
      }
    />
  );
}

/**
 * Where a signed-in person starts (sign-in lands on /organisation): applicants at their
 * organisation, the programme office at its rounds, reviewers at their assignments, inspectors and
 * the inspection office at the inspections; a role with no screens is told so.
 */
function RoleHome({ groups }: { groups: readonly string[] }) {
  const t = useT();
  if (groups.includes('applicant')) return <OrganisationPage />;
  if (groups.includes('admin')) return <Navigate to="/rounds" replace />;
  if (groups.includes('reviewer')) return <Navigate to="/assignments" replace />;
  if (groups.includes('inspector') || groups.includes('inspection-office'))
    return <Navigate to="/inspections" replace />;
  return <Result status="info" title={t('title')} subTitle={t('noScreensForRole')} />;
}

function Shell() {
  const t = useT();
  const { lang, setLang } = useContext(LangContext);
  const claims = currentClaims();
  const groups = claims?.['cognito:groups'] ?? [];
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const items = areas
    .filter((a) => a.roles.some((r) => groups.includes(r)))
    .flatMap((a) => a.menu)
    .map((m) => ({ key: m.path, label: <Link to={m.path}>{m.label}</Link> }));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          paddingInline: 12,
          flexWrap: 'wrap',
          height: 'auto',
          minHeight: 64,
        }}
      >
        {/* The title may wrap (the English one is long) and the menu takes a line of its own when
            the title and it do not fit side by side, so a phone never scrolls sideways. */}
        <Typography.Text strong style={{ color: '#fff', minWidth: 0, lineHeight: 1.4, paddingBlock: 8 }}>
          {t('title')}
        </Typography.Text>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[`/${pathname.split('/')[1] ?? ''}`]}
          items={items}
          disabledOverflow
          style={{ flex: '1 1 260px', minWidth: 0, flexWrap: 'wrap', lineHeight: '40px' }}
        />
        <Space>
          <Button
            size="small"
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
            lang={lang === 'zh' ? 'en' : 'zh'}
          >
            {t('language')}
          </Button>
          {claims ? (
            <Button
              size="small"
              onClick={() => {
                signOut();
                navigate('/');
              }}
            >
              {t('signOut')}
            </Button>
          ) : null}
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 12, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <main>
          <Suspense fallback={<Spin description={t('loading')} />}>
            <Routes>
              <Route path="/" element={claims ? <RoleHome groups={groups} /> : <Home />} />
              <Route path="/callback" element={<Callback />} />
              <Route path="/organisation" element={claims ? <RoleHome groups={groups} /> : <Home />} />
              {areas.flatMap((a) =>
                a.routes.map((r) => (
                  <Route key={r.path} path={r.path} element={claims || r.public ? r.element : <Home />} />
                )),
              )}
            </Routes>
          </Suspense>
        </main>
      </Layout.Content>
    </Layout>
  );
}

export function App() {
  const [lang, setLangState] = useState<Lang>(() =>
    localStorage.getItem('esip.lang') === 'en' ? 'en' : 'zh',
  );
  const setLang = (l: Lang) => {
    localStorage.setItem('esip.lang', l);
    setLangState(l);
  };
  setApiLanguage(lang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  return (
    <LangContext.Provider value={{ lang, setLang }}>
      <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} button={{ autoInsertSpace: false }} theme={theme}>
        <AntApp>
          <Shell />
        </AntApp>
      </ConfigProvider>
    </LangContext.Provider>
  );
}
