import type { App } from 'antd';
import type { TFunction } from 'i18next';
import type { FileOut } from '../../electron/contract/tasks';
import { saveFile } from '../ui/saveFile';

/**
 * Saves a file from the core; when it holds citizens' ID numbers, asks first and says how to
 * keep it. Resolves true when the file was handed over.
 */
type HookAPI = ReturnType<typeof App.useApp>['modal'];

export function savePersonalFile(modal: HookAPI, t: TFunction, file: FileOut): Promise<boolean> {
  if (!file.personalData) {
    saveFile(file);
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    modal.confirm({
      title: t('households:personal.title'),
      content: t('households:personal.body'),
      okText: t('households:personal.save'),
      cancelText: t('households:personal.cancel'),
      okButtonProps: { 'data-testid': 'personal-ok' } as Record<string, string>,
      onOk: () => {
        saveFile(file);
        resolve(true);
      },
      onCancel: () => resolve(false),
    });
  });
}
