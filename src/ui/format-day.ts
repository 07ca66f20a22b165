import { lang } from '../i18n';

/** A calendar day as the UI writes it: 31/12/2019 in Vietnamese, 31 Dec 2019 in English. */
export const formatDay = (d: string): string =>
  new Intl.DateTimeFormat(lang() === 'vi' ? 'vi-VN' : 'en-GB', { day: '2-digit', month: lang() === 'vi' ? '2-digit' : 'short', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${d}T00:00:00Z`));
