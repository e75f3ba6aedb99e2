import { render } from 'preact';
import { pageTranslator } from '../../components/ui-language.ts';
import { PopupApp } from './app.tsx';

// In the language chosen in settings, read when the page opens (the popup opens anew each time).
pageTranslator('popupTitle').then((t) => render(<PopupApp t={t} />, document.getElementById('app') as HTMLElement));
