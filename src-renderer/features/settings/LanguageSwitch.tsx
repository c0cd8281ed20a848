// The language picker, on the login screen and in settings.
import { locales, useLocaleStore, useT } from '../../i18n/i18n';

export function LanguageSwitch() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const setLocale = useLocaleStore((s) => s.setLocale);
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('settings.language')}</span>
      <select
        name="language"
        value={locale}
        onChange={(e) => {
          const next = locales.find((l) => l === e.target.value);
          if (next) setLocale(next);
        }}
      >
        {locales.map((l) => (
          <option key={l} value={l}>
            {t(l === 'id' ? 'settings.language.id' : 'settings.language.en')}
          </option>
        ))}
      </select>
    </label>
  );
}
