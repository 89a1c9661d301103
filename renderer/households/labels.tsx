import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { say } from '../../electron/domain/i18n/keys';
import type { ClassificationReason, HouseholdClass, YearOverYear } from '../../electron/contract/households';

/** Words and tags shared by the household screens. Keys are full; `say` checks built ones. */

export const CLASS_COLOR: Record<HouseholdClass, string> = { poor: 'red', nearPoor: 'orange', medium: 'gold', above: 'green' };

export function classLabel(t: TFunction, c: HouseholdClass): string {
  return say(t, `households:class.${c}`);
}

export function classShort(t: TFunction, c: HouseholdClass): string {
  return say(t, `households:classShort.${c}`);
}

/** "thu nhập 1.200.000 đ ≤ 1.500.000 đ; thiếu hụt 4 chỉ số", in the UI language. */
export function reasonText(t: TFunction, r: ClassificationReason): string {
  return say(t, r.key, r.params);
}

export function ClassTag({ value, short }: { value: HouseholdClass; short?: boolean }): React.JSX.Element {
  const { t } = useTranslation('households');
  return (
    <Tag color={CLASS_COLOR[value]} data-testid="class-tag" style={{ marginInlineEnd: 0 }}>
      {short ? classShort(t, value) : classLabel(t, value)}
    </Tag>
  );
}

/** The one change worth showing on a row: poverty first, then near-poverty. */
export function changeText(t: TFunction, c: YearOverYear): string | null {
  switch (c.poor) {
    case 'escaped':
      return t('households:change.poor.escaped');
    case 'fellBack':
      return t('households:change.poor.fellBack');
    case 'new':
      return t('households:change.poor.new');
    default:
      break;
  }
  switch (c.nearPoor) {
    case 'escaped':
      return t('households:change.nearPoor.escaped');
    case 'fellBack':
      return t('households:change.nearPoor.fellBack');
    case 'new':
      return t('households:change.nearPoor.new');
    case 'worsened':
      return t('households:change.nearPoor.worsened');
    default:
      return null;
  }
}

/** Short forms for the list's narrow column. */
export function changeShort(t: TFunction, c: YearOverYear): string | null {
  switch (c.poor) {
    case 'escaped':
      return t('households:changeShort.escaped');
    case 'fellBack':
      return t('households:changeShort.fellBack');
    case 'new':
      return t('households:changeShort.newPoor');
    default:
      break;
  }
  switch (c.nearPoor) {
    case 'escaped':
      return t('households:changeShort.nearPoorEscaped');
    case 'fellBack':
      return t('households:changeShort.nearPoorFellBack');
    case 'new':
      return t('households:changeShort.nearPoorNew');
    case 'worsened':
      return t('households:changeShort.worsened');
    default:
      return null;
  }
}

export function ChangeTag({ value, short }: { value: YearOverYear; short?: boolean }): React.JSX.Element | null {
  const { t } = useTranslation('households');
  const text = short ? changeShort(t, value) : changeText(t, value);
  if (!text) return null;
  const good = value.poor === 'escaped' || (value.poor === 'unchanged' && value.nearPoor === 'escaped');
  return (
    <Tag color={good ? 'green' : 'volcano'} bordered={false} style={{ marginInlineEnd: 0 }} title={changeText(t, value) ?? undefined}>
      {text}
    </Tag>
  );
}
