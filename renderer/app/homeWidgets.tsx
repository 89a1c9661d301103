import type { ReactNode } from 'react';
import type { Role, Session } from '../../electron/contract/app';
import { taskHomeWidgets } from '../tasks/homeWidgets';
import { reportWidgets } from '../reports/home/widgets';

/** Cards a feature shows on the home screen; features add entries here. */
export interface HomeWidget {
  id: string;
  roles: Role[];
  render: (session: Session) => ReactNode;
}

export const homeWidgets: HomeWidget[] = [...taskHomeWidgets, ...reportWidgets];
