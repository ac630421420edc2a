import { Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';

/** The title row of every page: heading, a line of context, actions on the right (below on phones). */
export function PageHeader({
  title,
  subtitle,
  extra,
}: {
  title: string;
  subtitle?: ReactNode;
  extra?: ReactNode;
}) {
  useDocumentTitle(title);
  return (
    <div className="page-header">
      <div className="page-header-text">
        <Typography.Title level={1} className="page-title">
          {title}
        </Typography.Title>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      {extra && <div className="page-header-extra">{extra}</div>}
    </div>
  );
}

/** "Tổ chức · Điểm Tựa" in the tab and the history, so a screen reader announces the page. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Điểm Tựa`;
  }, [title]);
}
