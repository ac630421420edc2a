import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLogin } from '../auth.tsx';
import { errorMessage } from '../components/error-message.ts';
import { useDocumentTitle } from '../components/page-header.tsx';
import { safeRedirect } from '../redirect.ts';
import { Brand } from '../shell/brand.tsx';
import { DemoTag } from '../shell/demo-tag.tsx';
import { LanguageSwitch } from '../shell/language-switch.tsx';

interface Values {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/dang-nhap' });
  const navigate = useNavigate();
  const login = useLogin();
  useDocumentTitle(t('login.title'));

  const onFinish = (values: Values) =>
    login.mutate(
      { username: values.username.trim(), password: values.password },
      { onSuccess: () => void navigate({ href: safeRedirect(search.redirect), replace: true }) },
    );

  return (
    <div className="center-screen login-screen">
      <div className="login-top">
        <DemoTag />
        <LanguageSwitch />
      </div>
      <Card className="login-card">
        <div className="login-brand">
          <Brand />
          <Typography.Paragraph type="secondary" className="login-tagline">
            {t('login.tagline')}
          </Typography.Paragraph>
        </div>
        <Typography.Title level={1} className="login-title">
          {t('login.title')}
        </Typography.Title>
        <Form<Values>
          layout="vertical"
          requiredMark={false}
          onFinish={onFinish}
          onValuesChange={() => login.isError && login.reset()}
          disabled={login.isPending}
        >
          <Form.Item
            label={t('login.username')}
            name="username"
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoCapitalize="none"
              size="large"
              autoFocus
            />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          {login.isError && (
            <Alert
              type="error"
              showIcon
              title={errorMessage(login.error, t)}
              className="login-error"
              role="alert"
            />
          )}
          <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
      <nav className="login-public-links" aria-label={t('login.publicLinks')}>
        <Link to="/tinh-muc-dong" className="login-public-link is-primary">
          {t('login.publicCalculator')}
        </Link>
        <Link to="/don-vi-hanh-chinh" className="login-public-link">
          {t('login.publicUnits')}
        </Link>
      </nav>
    </div>
  );
}
