import { useMemo } from 'react';
import { Button, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../electron/contract';
import { fold } from '../../../electron/domain/text';
import { groupMembers, inProfileOrder } from './draft';

type OrgProfile = Output<'app.profile'>;

interface Props {
  profile: OrgProfile;
  value: string[];
  onChange: (codes: string[]) => void;
  warn?: boolean;
  /** Test id of the select ("task-assignees", "task-partners"). */
  testId?: string;
  /** Placeholder text; the assignees' one by default. */
  placeholder?: string;
}

/** Assigned offices: a searchable multi-select (diacritics ignored) plus one button per group. */
export function AssigneeSelect({ profile, value, onChange, warn, testId = 'task-assignees', placeholder }: Props): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const options = useMemo(() => {
    const of = (types: string[]) =>
      profile.units.filter((u) => types.includes(u.type)).map((u) => ({ value: u.code, label: u.shortName, search: fold(`${u.shortName} ${u.name} ${u.aliases.join(' ')}`) }));
    return [
      { label: t('editor.unitGroups.lower'), options: of(profile.levels.lower) },
      { label: t('editor.unitGroups.division'), options: of(['division']) },
      { label: t('editor.unitGroups.unit'), options: of(['unit', 'school']) },
    ];
  }, [profile, t]);

  const groupLabel = (code: string, name: string): string => {
    if (code === 'ALL_DISTRICTS') return t('editor.groups.ALL_DISTRICTS');
    if (code === 'ALL_BASE') return t('editor.groups.ALL_BASE');
    if (code === 'ALL_DIVISIONS') return t('editor.groups.ALL_DIVISIONS');
    if (code === 'ALL_UNITS') return t('editor.groups.ALL_UNITS');
    return name;
  };

  const toggle = (code: string): void => {
    const members = groupMembers(profile, code);
    const all = members.every((m) => value.includes(m));
    onChange(all ? value.filter((v) => !members.includes(v)) : inProfileOrder(profile, [...value, ...members]));
  };

  return (
    <div>
      <Select
        mode="multiple"
        value={value}
        onChange={(v: string[]) => onChange(inProfileOrder(profile, v))}
        options={options}
        status={warn ? 'warning' : undefined}
        placeholder={placeholder ?? t('editor.assigneesPlaceholder')}
        showSearch={{ filterOption: (input, o) => Boolean(o && 'search' in o && String(o.search).includes(fold(input))) }}
        maxTagCount="responsive"
        allowClear
        style={{ width: '100%' }}
        data-testid={testId}
      />
      <Space wrap size={[6, 6]} style={{ marginTop: 6 }}>
        {profile.groups.map((g) => {
          const members = groupMembers(profile, g.code);
          const all = members.length > 0 && members.every((m) => value.includes(m));
          return (
            <Button key={g.code} size="small" type={all ? 'primary' : 'default'} ghost={all} onClick={() => toggle(g.code)} data-testid={testId === 'task-assignees' ? `group-${g.code}` : `${testId}-group-${g.code}`}>
              {groupLabel(g.code, g.name)} ({members.length})
            </Button>
          );
        })}
      </Space>
    </div>
  );
}
