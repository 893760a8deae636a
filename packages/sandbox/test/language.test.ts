// Accept-Language: sv gets the sandbox's messages in Swedish; anything else, English.
import { describe, expect, it } from 'vitest';
import { startForFile } from './helpers.js';

const { sandbox, call } = await startForFile();

describe('Accept-Language', () => {
  it('answers field errors and details in Swedish for sv', async () => {
    const sv = { 'accept-language': 'sv' };
    const invalid = await call('POST', 'employees/', { country: 'SWE' }, sv);
    expect(invalid.status).toBe(400);
    expect(invalid.body.name).toEqual(['Detta fält är obligatoriskt.']);
    expect((await call('GET', 'employees/nobody/', undefined, { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.8' })).body).toEqual({ detail: 'Hittades inte.' });
    expect((await call('GET', 'employees/', undefined, { ...sv, authorization: 'Token wrong' })).body).toEqual({ detail: 'Ogiltig token.' });
    expect(sandbox.violations).toEqual([]);
  });

  it('answers in English by default, for en, and when sv is not preferred', async () => {
    expect((await call('GET', 'employees/nobody/')).body).toEqual({ detail: 'Not found.' });
    expect((await call('GET', 'employees/nobody/', undefined, { 'accept-language': 'en' })).body).toEqual({ detail: 'Not found.' });
    expect((await call('GET', 'employees/nobody/', undefined, { 'accept-language': 'en;q=1, sv;q=0.5' })).body).toEqual({ detail: 'Not found.' });
  });
});
