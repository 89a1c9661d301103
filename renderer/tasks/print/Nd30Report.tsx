import { useTranslation } from 'react-i18next';
import type { Output } from '../../../electron/contract';
import type { ProgressReportData } from '../../../electron/contract/tasks';
import { formatDate } from '../../i18n/format';
import { directiveRef } from '../labels';
import { OfficialDocument } from '../../ui/print/OfficialDocument';
import { ReportTaskTable } from './ReportTaskTable';

type OrgProfile = Output<'app.profile'>;

/** "Huyện Văn Quan" -> "huyện Văn Quan" (inside a sentence). */
const lowerFirst = (s: string): string => (s ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** The issuing body as printed under its parent: "... huyện Văn Quan" loses the district the parent already names. */
function issuerName(name: string, district: string | undefined): string {
  if (!district) return name;
  const tail = ` ${district.toLowerCase()}`;
  return name.toLowerCase().endsWith(tail) ? name.slice(0, name.length - tail.length) : name;
}

/**
 * An office's progress report in the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I. The printed
 * document is always in Vietnamese, whatever the interface language: it is filed as such.
 */
export function Nd30Report({ data, profile }: { data: ProgressReportData; profile: OrgProfile | undefined }): React.JSX.Element {
  const { i18n } = useTranslation('tasks');
  const t = i18n.getFixedT('vi', 'tasks');
  const unit = profile?.units.find((u) => u.code === data.office.code);
  const so = profile?.units.find((u) => u.type === 'department');
  const directives = [...new Map(data.rows.map((r) => [directiveRef(t, r.directive), r.directive])).keys()];
  const c = data.counts;
  // The document reference stays on one line ("125/TB-SLĐTBXH" must not break at its hyphen).
  const MARK = '\u0000';
  const [before, after] = (directives.length === 1 ? t('print.subjectOne', { directive: MARK }) : t('print.subjectAll', { date: MARK })).split(MARK);
  const ref = directives.length === 1 ? directives[0] : formatDate(data.date);
  // Who signs: a public unit's director, a school's principal, a 2025 commune People's
  // Committee's chair (as the household summary print does), a district office's head.
  const signTitle =
    unit?.type === 'unit'
      ? t('print.signDirector')
      : unit?.type === 'school'
        ? t('print.signPrincipal')
        : unit?.type === 'commune'
          ? t('print.signCommune')
          : t('print.signHead');
  return (
    <OfficialDocument
      testId="report"
      parentBody={data.office.parentBody || data.parentBody}
      issuer={issuerName(data.office.name, unit?.district)}
      issuerSymbol={data.office.symbol}
      kindCode="BC"
      kind={t('print.kind')}
      subject={
        <>
          {before}
          <span style={{ whiteSpace: 'nowrap' }}>{ref}</span>
          {after}
        </>
      }
      place={data.office.place}
      date={data.date}
      recipients={[
        t('print.recipientSo', { so: so?.name ?? '' }),
        ...(unit?.district ? [t('print.recipientDistrict', { district: lowerFirst(unit.district) })] : []),
        t('print.recipientArchive'),
      ]}
      signerTitle={signTitle}
      signerName={data.signerName}
    >
      <p>
        {directives.length > 0
          ? t('print.intro', { directives: directives.join('; '), so: so?.name ?? '', office: data.office.name })
          : t('print.introNone', { office: data.office.name })}
      </p>
      <h4>{t('print.partSummary')}</h4>
      <p data-testid="report-counts">
        {t('print.counts', {
          assigned: c.assigned,
          doneOnTime: c.doneOnTime,
          doneLate: c.doneLate,
          inProgress: c.inProgress,
          overdue: c.overdue,
          notStarted: c.notStarted,
          cannotDo: c.cannotDo,
        })}
      </p>
      {data.rows.length > 0 && (
        <>
          <h4>{t('print.partTasks')}</h4>
          <ReportTaskTable rows={data.rows} showDirective={directives.length > 1} />
        </>
      )}
      <p>{t('print.closing', { office: data.office.name })}</p>
    </OfficialDocument>
  );
}
