import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';

/** The VietQR of the next payment, drawn in the browser: the person scans it to pay by transfer. */
export function NextDueQr({ payload }: { payload: string }) {
  const { t } = useTranslation();
  const svg = useQuery({
    queryKey: ['registry', 'qr', payload],
    queryFn: async () => {
      const QRCode = await import('qrcode');
      return QRCode.toString(payload, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (svg.isPending) return <Skeleton.Node active className="reg-qr" />;
  if (!svg.data) return null;
  return (
    <img
      className="reg-qr"
      alt={t('registry.receipt.qrAlt')}
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.data)}`}
    />
  );
}
