/**
 * `date-time` and `uri` answers are remembered (responses repeat the same timestamps and links):
 * the remembered check answers as ajv-formats' own, asked once or many times, past the cache's bound.
 */
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { OpenApiValidator } from '../src/validator.js';

const formats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;
const original = (name: 'date-time' | 'uri') => {
  const format = formats.get(name) as ((text: string) => boolean) | { validate: (text: string) => boolean };
  return typeof format === 'function' ? format : format.validate;
};

const validator = new OpenApiValidator({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} });

const samples = {
  'date-time': ['2019-05-22T10:32:38.118753Z', '2019-02-29T10:00:00Z', '2020-02-29T10:00:00+01:00', '2019-05-22 10:32:38Z', '2019-05-22T25:00:00Z', '2019-05-22', '', 'x', '2016-12-31T23:59:60Z'],
  uri: ['https://example.com/a?b=1', 'mailto:a@b.se', 'not a uri', '/relative', 'https://exa mple.com', ''],
} as const;

describe('remembered formats', () => {
  it.each(Object.keys(samples) as (keyof typeof samples)[])('%s answers as ajv-formats, the first time and the next', (name) => {
    for (let round = 0; round < 3; round++) {
      for (const text of samples[name]) expect(validator.passesFormat(name, text), `${name} ${JSON.stringify(text)}`).toBe(original(name)(text));
    }
  });

  it('still answers right once more values were checked than it remembers', () => {
    for (let i = 0; i < 25_000; i++) {
      const text = `2019-05-22T10:32:38.${String(i).padStart(6, '0')}Z`;
      expect(validator.passesFormat('date-time', text)).toBe(true);
    }
    expect(validator.passesFormat('date-time', '2019-13-22T10:32:38Z')).toBe(false);
  });
});
