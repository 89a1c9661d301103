import { Checkbox } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PovertyStandard } from '../../../electron/contract/households';

interface Props {
  standard: PovertyStandard;
  value?: string[];
  onChange?: (codes: string[]) => void;
}

/**
 * The 12 indicators as checkboxes, service by service as on the review form. Tab walks them in
 * that order; Space or Enter ticks the one in focus (Enter never submits from here).
 */
export function IndicatorChecks({ standard, value = [], onChange }: Props): React.JSX.Element {
  const { t } = useTranslation('households');
  const toggle = (code: string): void => {
    const next = value.includes(code) ? value.filter((c) => c !== code) : [...value, code];
    onChange?.(next);
  };
  let n = 0;
  return (
    <div className="hh-indicators" role="group" aria-label={t('field.deprived')} data-testid="indicators">
      {standard.services.map((s) => (
        <fieldset key={s.code} className="hh-service">
          <legend>{t(`service.${s.code}`)}</legend>
          {s.indicators.map((i) => {
            n++;
            return (
              <Checkbox
                key={i.code}
                checked={value.includes(i.code)}
                onChange={() => toggle(i.code)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    toggle(i.code);
                  }
                }}
                data-testid={`indicator-${i.code}`}
              >
                <span className="hh-ind-no">{n}.</span> {t(`indicator.${i.code}`)}
              </Checkbox>
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}
