import type { HomeWidget } from '../ui/extension';
import { taskHomeWidgets } from '../tasks/homeWidgets';
import { reportWidgets } from '../reports/home/widgets';
import { InboxWidget } from './InboxWidget';
import { ProfileMoveCard } from './ProfileMoveCard';

export type { HomeWidget };


/** The inbox comes first: it says what needs the person now (issue 13). */
export const homeWidgets: HomeWidget[] = [
  { id: 'inbox', roles: ['so', 'office'], render: () => <InboxWidget /> },
  ...taskHomeWidgets,
  ...reportWidgets,
  // Only while the folder's tree has been replaced (renders nothing otherwise).
  { id: 'profileMove', roles: ['so', 'office'], render: () => <ProfileMoveCard /> },
];
