import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLang, type Lang } from '../i18n.ts';

// Each language is named in itself, so a reader of either can find theirs.
const NAMES: Record<Lang, string> = { vi: 'Tiếng Việt', en: 'English' };

export function LanguageSwitch({ compact }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [lang],
        items: (Object.keys(NAMES) as Lang[]).map((key) => ({
          key,
          label: <span lang={key}>{NAMES[key]}</span>,
        })),
        onClick: ({ key }) => void i18n.changeLanguage(key),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={t('shell.language')}
        className="header-button"
      >
        {compact ? lang.toUpperCase() : NAMES[lang]}
      </Button>
    </Dropdown>
  );
}
