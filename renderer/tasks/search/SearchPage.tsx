import { useEffect, useState } from 'react';
import { Alert, Empty, Input, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../electron/contract/tasks';
import { useOpQuery } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { useSession } from '../../ui/session';

/** The snippet adds nothing when it only repeats the start of the title. */
function redundant(h: SearchHit): boolean {
  const head = h.title.replace(/\s+/g, ' ').slice(0, 60);
  return h.snippet.replace(/\s+/g, ' ').startsWith(head);
}

/** #/search/<q>: directives, tasks and progress; "van quan" finds "Văn Quan". */
export function SearchPage({ q }: { q: string }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const session = useSession();
  const [text, setText] = useState(q);
  // The box shows the query of the page (#/search/<q>), also when the page is reached by a link.
  useEffect(() => setText(q), [q]);
  const hits = useOpQuery('search.query', { q });

  const href = (h: SearchHit): string => {
    if (h.taskId) return `#/task/${encodeURIComponent(h.taskId)}`;
    if (session.role === 'so') return `#/directive/${encodeURIComponent(h.id)}`;
    return `#/tasks/directive/${encodeURIComponent(h.id)}`;
  };
  const kind = (h: SearchHit): React.JSX.Element =>
    h.kind === 'directive' ? <Tag color="purple">{t('search.kindDirective')}</Tag> : h.kind === 'task' ? <Tag color="blue">{t('search.kindTask')}</Tag> : <Tag color="green">{t('search.kindProgress')}</Tag>;

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('search.title')}
      </Typography.Title>
      <Input.Search
        size="large"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => navigate('search', ...(v.trim() ? [v.trim()] : []))}
        placeholder={t('search.placeholder')}
        enterButton={t('common:search')}
        allowClear
        autoFocus
        style={{ maxWidth: 720, marginBottom: 16 }}
        data-testid="search-input"
      />
      {hits.error && <Alert type="error" showIcon title={errorText(t, hits.error)} />}
      {q && (
        <List<SearchHit>
          loading={hits.isFetching}
          dataSource={hits.data ?? []}
          header={hits.data ? t('search.count', { count: hits.data.length, q }) : null}
          locale={{ emptyText: <Empty description={t('search.none', { q })} /> }}
          data-testid="search-results"
          renderItem={(h) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <span>
                    {kind(h)}
                    <a href={href(h)} data-testid="search-hit">
                      {h.title}
                    </a>
                  </span>
                }
                description={redundant(h) ? null : h.snippet}
              />
            </List.Item>
          )}
        />
      )}
      {!q && <Typography.Paragraph type="secondary">{t('search.help')}</Typography.Paragraph>}
    </div>
  );
}
