import { languageTag, type MessageKey, type Translate } from '../../lib/i18n.ts';
import { evidenceFor } from '../../lib/letters/evidence.ts';
import { letterLanguage } from '../../lib/letters/languages.ts';
import { type ComposerActions, type ComposerInput, useComposer } from './composer-model.ts';
import { ConsentEvidence } from './consent-evidence.tsx';
import { IdentifierChoices, PersonalChoices, SensitiveChoices } from './evidence-choices.tsx';
import { LetterOptions } from './letter-options.tsx';
import { LetterText } from './letter-text.tsx';
import { Paper, SignerFields } from './paper.tsx';
import { RecipientFields } from './recipient-fields.tsx';
import { SendControls } from './send-controls.tsx';

type ComposerProps = { t: Translate; input: ComposerInput; actions: ComposerActions };

/**
 * The deletion-request composer: recipient, jurisdiction and language, the identifiers and sites to cite, an
 * editable preview, and the ways to send it. Nothing is sent by Disclosed; the user says when they sent it.
 * Each company (and each new reference) gets a fresh form: nothing typed for one company, its recipient least of
 * all, stays when the page moves on to another.
 */
export function Composer(props: ComposerProps) {
  return <ComposerForm key={`${props.input.company.id}\n${props.input.reference}`} {...props} />;
}

function ComposerForm({ t, input, actions }: ComposerProps) {
  const { company } = input;
  const model = useComposer(input, actions);
  const { recipient, subject, body, language } = model;
  const { name, signatureLine } = model.state;
  return (
    <section aria-labelledby="letter-heading" class="composer">
      <h2 id="letter-heading">{t('letterHeading', [company.name])}</h2>
      <p class="notice" data-testid="not-legal-advice">
        {t('letterNotLegalAdvice')}
      </p>
      <RecipientFields t={t} input={input} model={model} />
      <LetterOptions t={t} model={model} />
      <ConsentEvidence
        t={t}
        evidence={evidenceFor(
          input.gathered,
          input.gathered.evidence.sites.filter(
            (s) => !input.gathered.sensitiveSites.includes(s) || model.state.sensitive.has(s),
          ),
        )}
        jurisdiction={model.state.jurisdiction}
        residence={input.residence}
        locale={languageTag(input.uiLanguage)}
      />
      <IdentifierChoices t={t} input={input} model={model} />
      <PersonalChoices t={t} model={model} />
      <SignerFields
        t={t}
        name={name}
        onName={(value) => model.dispatch({ type: 'set', field: 'name', value })}
        signatureLine={signatureLine}
        onSignatureLine={(value) => model.dispatch({ type: 'set', field: 'signatureLine', value })}
      />
      <SensitiveChoices t={t} input={input} model={model} />
      <LetterText t={t} model={model} />
      <SendControls t={t} input={input} model={model} actions={actions} />
      <Paper
        from={name}
        to={`${company.name}\n${recipient}`}
        subject={subject}
        body={body}
        closing={letterLanguage(language).closing}
        signatureLine={signatureLine}
        lang={language}
      />
    </section>
  );
}

export const statusKey = (status: string) => `letterStatus_${status.replace(/-/g, '_')}` as MessageKey;
