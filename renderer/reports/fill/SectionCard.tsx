import { Card } from 'antd';
import type { ReportOpen, Section } from '../../../electron/contract/reports';
import { IndicatorField } from './IndicatorField';
import type { ReportEditor } from './useReportEditor';

export interface SectionCardProps {
  index: number;
  section: Section;
  data: ReportOpen;
  editor: ReportEditor;
  readOnly: boolean;
  /** Sở review: comment per indicator being written. */
  reviewComments?: Record<string, string> | undefined;
  onReviewComment?: ((id: string, text: string) => void) | undefined;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];

/** One section of the form, its indicators in form order (which is also the Tab order). */
export function SectionCard({ index, section, data, editor, readOnly, reviewComments, onReviewComment }: SectionCardProps): React.JSX.Element {
  const returned = data.state === 'returned' ? data.review : null;
  return (
    <Card size="small" title={`${ROMAN[index] ?? index + 1}. ${section.title}`} style={{ marginBottom: 16 }} data-testid={`section-${section.id}`}>
      {section.indicators.map((ind) => (
        <IndicatorField
          key={ind.id}
          indicator={ind}
          value={editor.values[ind.id]}
          errors={editor.errorsAt(ind.id)}
          target={data.targets[ind.id]}
          prefilled={data.prefilled.includes(ind.id)}
          communes={data.communes}
          readOnly={readOnly}
          soComment={onReviewComment ? undefined : returned?.fieldComments[ind.id]}
          review={onReviewComment ? { value: reviewComments?.[ind.id] ?? '', onChange: (text) => onReviewComment(ind.id, text) } : undefined}
          onChange={(v) => editor.setValue(ind.id, v)}
          onBlur={() => editor.touch(ind.id)}
        />
      ))}
    </Card>
  );
}
