import { flatten, translator, type Translator, type Flatten } from '@solid-primitives/i18n';
import { createContext, createEffect, createMemo, createSignal, useContext, type Accessor, type ParentProps } from 'solid-js';
import { en } from './en';
import { ru, type Dict } from './ru';

export type Locale = 'ru' | 'en';
export const LOCALES: readonly Locale[] = ['ru', 'en'];
const dictionaries: Record<Locale, Dict> = { ru, en };
const STORAGE_KEY = 'okno.locale';

export type T = Translator<Flatten<Dict>>;

export interface I18n {
  t: T;
  locale: Accessor<Locale>;
  setLocale: (locale: Locale) => void;
  /** Clock time of an ISO instant, with the date when it is not today. */
  formatTime: (iso: string) => string;
  /** Full date and time of an ISO instant. */
  formatDateTime: (iso: string) => string;
}

const I18nContext = createContext<I18n>();

function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' || saved === 'ru' ? saved : 'ru';
}

export function I18nProvider(props: ParentProps) {
  const [locale, setLocaleSignal] = createSignal<Locale>(initialLocale());
  const dict = createMemo(() => flatten(dictionaries[locale()]));
  // eslint-disable-next-line solid/reactivity -- t() reads the dictionary where it is called (JSX, memos)
  const t = translator(() => dict());
  const intlTag = () => (locale() === 'ru' ? 'ru-RU' : 'en-GB');
  const timeFmt = createMemo(() => new Intl.DateTimeFormat(intlTag(), { hour: '2-digit', minute: '2-digit' }));
  const dayFmt = createMemo(
    () => new Intl.DateTimeFormat(intlTag(), { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' }),
  );
  const fullFmt = createMemo(() => new Intl.DateTimeFormat(intlTag(), { dateStyle: 'medium', timeStyle: 'medium' }));

  const i18n: I18n = {
    t,
    locale,
    setLocale: (next) => {
      localStorage.setItem(STORAGE_KEY, next);
      setLocaleSignal(next);
    },
    formatTime: (iso) => {
      const date = new Date(iso);
      const sameDay = date.toDateString() === new Date().toDateString();
      return (sameDay ? timeFmt() : dayFmt()).format(date);
    },
    formatDateTime: (iso) => fullFmt().format(new Date(iso)),
  };
  createEffect(() => (document.documentElement.lang = locale()));
  return <I18nContext.Provider value={i18n}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
