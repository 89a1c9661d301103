import { useTranslation } from 'react-i18next';
import { applyOrgTerms } from '../../electron/domain/translate';
import { useOpQuery } from '../api/hooks';

/**
 * Keeps the UI's words ("Phòng LĐTBXH", "xã, phường", "Toàn huyện"...) those of the profile in
 * use: when first run chooses another profile, the terms change before the children render.
 */
export function ProfileTerms({ children }: { children: React.ReactNode }): React.JSX.Element {
  const { i18n } = useTranslation();
  const profile = useOpQuery('app.profile', {});
  const id = profile.data ? `${profile.data.id}:${profile.data.units.length}` : null;
  if (profile.data && appliedFor.get(i18n) !== id) {
    applyOrgTerms(i18n, profile.data);
    appliedFor.set(i18n, id);
  }
  return <>{children}</>;
}

const appliedFor = new WeakMap<object, string | null>();
