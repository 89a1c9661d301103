import { useEffect, useState } from 'react';

/** Hash routing (#/tasks/abc): survives reloads and works from app:// and http:// alike. */
export function currentPath(): string[] {
  return window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
}

export function navigate(...parts: string[]): void {
  window.location.hash = `#/${parts.map(encodeURIComponent).join('/')}`;
}

export function useHashPath(): string[] {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const on = (): void => setPath(currentPath());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return path;
}
