import { useState } from 'react';
import type { ReportOpen } from '../../../electron/contract/reports';
import { useSession } from '../../ui/session';
import { OfficeActions } from './OfficeActions';
import { ReportHeader } from './ReportHeader';
import { ReviewActions } from './ReviewActions';
import { SectionCard } from './SectionCard';
import { useReportEditor } from './useReportEditor';

/** A report on screen: the office edits it; the Sở reads it and writes its review. */
export function ReportView({ initial }: { initial: ReportOpen }): React.JSX.Element {
  const session = useSession();
  const isSo = session.role === 'so';
  const [data, setData] = useState(initial);
  const editor = useReportEditor(initial);
  // A returned report opens ready for correction; a complete one opens read-only until "Sửa lại".
  const editable = (d: ReportOpen): boolean => !d.locked && (d.report?.status !== 'complete' || d.state === 'returned');
  const [editing, setEditing] = useState(!isSo && editable(initial));
  const [comments, setComments] = useState<Record<string, string>>(
    initial.review?.outcome === 'returned' ? initial.review.fieldComments : {},
  );
  const readOnly = isSo || data.locked || !editing;
  const reviewing = isSo && data.report?.status === 'complete';

  return (
    <div data-testid="report-view">
      <ReportHeader data={data} isSo={isSo} />
      {data.form.sections.map((s, i) => (
        <SectionCard
          key={s.id}
          index={i}
          section={s}
          data={data}
          editor={editor}
          readOnly={readOnly}
          reviewComments={reviewing ? comments : undefined}
          onReviewComment={reviewing ? (id, text) => setComments((c) => ({ ...c, [id]: text })) : undefined}
        />
      ))}
      {isSo ? (
        <ReviewActions data={data} fieldComments={comments} onSaved={setData} />
      ) : (
        <OfficeActions
          data={data}
          editor={editor}
          editing={editing}
          onEdit={() => setEditing(true)}
          onSaved={(next) => {
            setData(next);
            editor.reset(next.values);
            setEditing(editable(next));
          }}
        />
      )}
    </div>
  );
}
