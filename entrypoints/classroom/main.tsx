import { render } from 'preact';
import { onLocaleChange, pageTranslator } from '../../components/ui-language.ts';
import { ClassroomApp } from './app.tsx';

const root = document.getElementById('app') as HTMLElement;
// In the language chosen in settings; a change made while the session is projected applies at once.
pageTranslator('classroomTitle').then((t) => {
  render(<ClassroomApp key={t.locale} t={t} />, root);
  onLocaleChange('classroomTitle', t, (next) => render(<ClassroomApp key={next.locale} t={next} />, root));
});
