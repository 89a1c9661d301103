import type { ReactNode } from 'react';
import type { Role, Session } from '../../electron/contract/app';

/**
 * How a feature plugs into the shell: its pages and its home cards. The shell (renderer/app)
 * lists every feature's entries; features import only these types, so no feature depends on
 * the shell.
 */
export interface RouteDef {
  path: string;
  /** i18n key of the menu label ("ns:key"). */
  labelKey: string;
  icon: ReactNode;
  roles: Role[];
  /** Shown in the side menu (detail pages are not). */
  nav: boolean;
  render: (params: string[], session: Session) => ReactNode;
}

/** Cards a feature shows on the home screen. */
export interface HomeWidget {
  id: string;
  roles: Role[];
  render: (session: Session) => ReactNode;
}
