import { Skeleton } from 'antd';

export function PageSkeleton() {
  return (
    <div className="page-skeleton" aria-busy="true">
      <Skeleton active title={{ width: '40%' }} paragraph={{ rows: 5 }} />
    </div>
  );
}
