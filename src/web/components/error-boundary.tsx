import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The friendly screen shown when a page fails to render, instead of a blank white page. */
export function ErrorScreen({ error, onReset }: { error?: unknown; onReset?: () => void }) {
  const { t } = useTranslation();
  const detail = error instanceof Error ? error.message : undefined;
  return (
    <Result
      status="error"
      title={t('crash.title')}
      subTitle={t('crash.text')}
      extra={[
        <Button
          key="reload"
          type="primary"
          onClick={() => {
            if (onReset) onReset();
            else window.location.reload();
          }}
        >
          {t('crash.reload')}
        </Button>,
        <Button key="home" href="/">
          {t('common.backHome')}
        </Button>,
      ]}
    >
      {detail && <pre className="crash-detail">{detail}</pre>}
    </Result>
  );
}

interface State {
  error: unknown;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Điểm Tựa: lỗi hiển thị', error, info.componentStack);
  }

  override render() {
    if (this.state.error) return <ErrorScreen error={this.state.error} />;
    return this.props.children;
  }
}
