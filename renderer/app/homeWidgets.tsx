import type { HomeWidget } from '../ui/extension';
import { taskHomeWidgets } from '../tasks/homeWidgets';
import { reportWidgets } from '../reports/home/widgets';

export type { HomeWidget };


export const homeWidgets: HomeWidget[] = [...taskHomeWidgets, ...reportWidgets];
