import { useEffect, useRef } from 'react';
import { Badge, Tooltip } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TransportLight as Light } from '../../electron/contract/transport';
import { useOpQuery } from '../api/hooks';
import { navigate } from '../ui/router';
import './sync.css';

const COLOR: Record<Light, 'default' | 'processing' | 'success' | 'error' | 'warning'> = {
  offline: 'default',
  sending: 'processing',
  upToDate: 'success',
  attention: 'error',
};

/** The header's status light of automatic sending, fed by the outbox; a click opens its page. */
export function TransportLight(): React.JSX.Element | null {
  const { t } = useTranslation('bundles');
  // The core sends by itself: the light polls so it follows without a user action.
  const status = useOpQuery('sync.transports.status', {}, { refetchInterval: 3_000 });
  const s = status.data;
  // Bundles imported by the core on its own change what every view shows: refresh them.
  const client = useQueryClient();
  const seen = useRef<string | null | undefined>(undefined);
  const importedAt = s?.lastImportAt;
  useEffect(() => {
    if (importedAt === undefined) return;
    if (seen.current !== undefined && seen.current !== importedAt) void client.invalidateQueries();
    seen.current = importedAt;
  }, [importedAt, client]);
  if (!s || s.configured === 0) return null;
  const label = t(`transport.light.${s.light}`);
  return (
    <Tooltip title={t('transport.lightTitle', { state: label })}>
      <button type="button" className="sv-transport-light" onClick={() => navigate('transport')} data-testid="transport-light" data-light={s.light}>
        <Badge status={COLOR[s.light]} text={<span className="sv-transport-light-text">{label}</span>} />
      </button>
    </Tooltip>
  );
}
