import { describe, expect, it } from 'vitest';
import { classifyContact } from '../../../tracker-lists/contact.ts';

describe('classifyContact', () => {
  it.each([
    ['privacy@example.com', { kind: 'email', value: 'privacy@example.com' }],
    ['  Privacy@Example.com ', { kind: 'email', value: 'privacy@example.com', raw: 'Privacy@Example.com' }],
    [
      'privacy＠friendly.example',
      { kind: 'email', value: 'privacy@friendly.example', raw: 'privacy＠friendly.example' },
    ],
    ['contact@mobify.com.', { kind: 'email', value: 'contact@mobify.com', raw: 'contact@mobify.com.' }],
    ['mailto:dpo@example.org', { kind: 'email', value: 'dpo@example.org', raw: 'mailto:dpo@example.org' }],
    ['https://example.com/privacy', { kind: 'url', value: 'https://example.com/privacy' }],
    ['support.example.com', { kind: 'url', value: 'https://support.example.com/', raw: 'support.example.com' }],
    ['+49 40 881414-777', { kind: 'phone', value: '+49 40 881414-777' }],
    ['(+7 495) 660-70-70', { kind: 'phone', value: '(+7 495) 660-70-70' }],
    [
      'Jane Doe (CPO) Email: privacyoffice@example.com; 1300 I Street; Fax: 202-789-1432',
      {
        kind: 'email',
        value: 'privacyoffice@example.com',
        raw: 'Jane Doe (CPO) Email: privacyoffice@example.com; 1300 I Street; Fax: 202-789-1432',
      },
    ],
  ])('%j is usable: %j', (input, expected) => {
    expect(classifyContact(input)).toEqual(expected);
  });

  it.each([
    ['', { kind: 'none', value: '' }],
    [null, { kind: 'none', value: '' }],
    ['n/a', { kind: 'none', value: '', raw: 'n/a' }],
    // Malformed addresses are never "fixed" into a guess.
    ['privacy@adikteev', { kind: 'none', value: '', raw: 'privacy@adikteev' }],
    ['alexander.krull@webtrekk@com', { kind: 'none', value: '', raw: 'alexander.krull@webtrekk@com' }],
    ['12345', { kind: 'none', value: '', raw: '12345' }],
    ['Our legal team', { kind: 'none', value: '', raw: 'Our legal team' }],
    ['javascript:alert(1)', { kind: 'none', value: '', raw: 'javascript:alert(1)' }],
    ['a@x.example and b@y.example', { kind: 'none', value: '', raw: 'a@x.example and b@y.example' }],
  ])('%j is no usable contact', (input, expected) => {
    expect(classifyContact(input)).toEqual(expected);
  });
});
