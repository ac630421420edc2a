/**
 * Every visible string goes through i18next. Vietnamese is the default; the choice is kept in
 * localStorage and also sets <html lang>, the date-picker locale and the API's error language.
 */
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from './api.ts';
import enCampaigns from './locales/en.campaigns.json';
import en from './locales/en.json';
import enLeads from './locales/en.leads.json';
import enRegistry from './locales/en.registry.json';
import enReports from './locales/en.reports.json';
import viCampaigns from './locales/vi.campaigns.json';
import vi from './locales/vi.json';
import viLeads from './locales/vi.leads.json';
import viRegistry from './locales/vi.registry.json';
import viReports from './locales/vi.reports.json';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];
const STORAGE_KEY = 'diemtua.lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

function apply(lang: Lang): void {
  document.documentElement.lang = lang;
  dayjs.locale(lang === 'vi' ? 'vi' : 'en');
  setApiLanguage(lang);
}

const initial = storedLang();
apply(initial);

void i18n.use(initReactI18next).init({
  // The registry and campaign screens keep their strings in their own files, each under one key.
  resources: {
    vi: { translation: { ...vi, ...viRegistry, ...viCampaigns, ...viReports, ...viLeads } },
    en: { translation: { ...en, ...enRegistry, ...enCampaigns, ...enReports, ...enLeads } },
  },
  lng: initial,
  fallbackLng: 'vi',
  initAsync: false,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});

i18n.on('languageChanged', (lng) => {
  const lang: Lang = lng === 'en' ? 'en' : 'vi';
  apply(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this visit only.
  }
});

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'vi';
}

export default i18n;
