import { For } from 'solid-js';
import { PERIODS, type Period } from '../layers/types';
import { t, type MessageKey } from '../i18n';

/** 2021 (17 units) · 2024 (thị xã) · 2025 (4 wards of Bắc Ninh): radio buttons, keyboard-operable. */
export function PeriodSwitch(props: { period: Period; onPeriod: (p: Period) => void }) {
  return (
    <fieldset class="period-switch">
      <legend>{t('period')}</legend>
      <For each={PERIODS}>
        {(p) => (
          <label>
            <input type="radio" name="period" value={p} checked={props.period === p} onChange={() => props.onPeriod(p)} />
            {t(`period.${p}` as MessageKey)}
          </label>
        )}
      </For>
    </fieldset>
  );
}
