import browser from 'webextension-polyfill';
import { PopupView } from '../../components/popup/popup-view.tsx';
import type { Translate } from '../../lib/i18n.ts';
import { usePopupModel } from './use-popup-model.ts';

export function PopupApp({ t }: { t: Translate }) {
  const model = usePopupModel();
  return <PopupView t={t} model={model} dashboardUrl={browser.runtime.getURL('/options.html')} />;
}
