import type { Translate } from '../lib/i18n.ts';
import type { DroppedCount } from '../lib/storage/dropped.ts';

/**
 * Says how many requests (and page loads) Disclosed could not save, and why as far as it knows: a full disk, or
 * storage that refused them. Shown in the popup and the settings until the person dismisses it.
 */
export function DroppedNotice({
  t,
  dropped,
  onDismiss,
}: {
  t: Translate;
  dropped: DroppedCount | null;
  onDismiss: () => void;
}) {
  if (!dropped) return null;
  const requests =
    dropped.requests === 0
      ? null
      : t(dropped.diskFull ? 'droppedRequestsDiskFull' : 'droppedRequestsFailed', [dropped.requests]);
  const pages = dropped.pages === 0 ? null : t('droppedPageLoads', [dropped.pages]);
  return (
    <p class="notice error" role="alert" data-testid="dropped">
      {[requests, pages].filter(Boolean).join(' ')}{' '}
      <button type="button" data-testid="dropped-dismiss" onClick={onDismiss}>
        {t('droppedDismiss')}
      </button>
    </p>
  );
}
