/**
 * The sandbox's messages in Swedish, for `Accept-Language: sv` (the docs' example value). English
 * is the default and the language messages are written in; a Swedish answer is the English one
 * with each message translated on the way out (Django REST Framework's Swedish wording where it
 * has one). A message without a translation stays English.
 */
const SWEDISH: readonly [RegExp, string][] = [
  [/^This field is required\.$/, 'Detta fält är obligatoriskt.'],
  [/^This field may not be blank\.$/, 'Detta fält får inte vara tomt.'],
  [/^This field may not be null\.$/, 'Detta fält får inte vara null.'],
  [/^This list may not be empty\.$/, 'Denna lista får inte vara tom.'],
  [/^Not a valid string\.$/, 'Inte en giltig sträng.'],
  [/^A valid integer is required\.$/, 'Ett giltigt heltal krävs.'],
  [/^A valid number is required\.$/, 'Ett giltigt nummer krävs.'],
  [/^A valid number with at most 2 decimal places is required\.$/, 'Ett giltigt nummer med högst 2 decimaler krävs.'],
  [/^Must be a valid boolean\.$/, 'Måste vara ett giltigt booleskt värde.'],
  [/^Enter a valid email address\.$/, 'Ange en giltig e-postadress.'],
  [/^Enter a valid URL\.$/, 'Ange en giltig URL.'],
  [/^"(.*)" is not a valid choice\.$/, '"$1" är inte ett giltigt val.'],
  [/^Ensure this field has no more than (\d+) characters\.$/, 'Säkerställ att detta fält inte har fler än $1 tecken.'],
  [/^Invalid data\. Expected a dictionary, but got (\w+)\.$/, 'Ogiltig data. Förväntade en dictionary, men fick $1.'],
  [/^Expected a list of items but got type "(\w+)"\.$/, 'Förväntade en lista med element men fick typen "$1".'],
  [/^Unknown field\.$/, 'Okänt fält.'],
  [/^Either email or cellphone_number is required\.$/, 'Antingen email eller cellphone_number krävs.'],
  [/^Exactly one of (.+) or (\S+) is required\.$/, 'Exakt en av $1 eller $2 krävs.'],
  [/^Object with id "(.*)" does not exist\.$/, 'Objekt med id "$1" finns inte.'],
  [/^Not found\.$/, 'Hittades inte.'],
  [/^Invalid page\.$/, 'Ogiltig sida.'],
  [/^Authentication credentials were not provided\.$/, 'Autentiseringsuppgifter angavs inte.'],
  [/^Invalid token\.$/, 'Ogiltig token.'],
  [/^Method "(.+)" not allowed\.$/, 'Metoden "$1" tillåts inte.'],
  [/^Request was throttled\. Expected available in (\d+) seconds?\.$/, 'Förfrågan stoppades. Förväntas vara tillgänglig om $1 sekunder.'],
  [/^JSON parse error - (.*)$/s, 'JSON-tolkningsfel - $1'],
];

/** Whether `Accept-Language` prefers Swedish: its highest-weighted language is `sv` (or `sv-…`). */
export function prefersSwedish(header: string | null): boolean {
  if (!header) return false;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean) ?? 1);
      return { primary: tag.trim().toLowerCase().split('-')[0], q: Number.isNaN(q) ? 0 : q, index };
    })
    .filter((entry) => entry.primary && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.primary === 'sv';
}

export function toSwedish(message: string): string {
  for (const [pattern, swedish] of SWEDISH) if (pattern.test(message)) return message.replace(pattern, swedish);
  return message;
}

/** Every message of an error body (`detail`, field lists, nested and bulk errors), in Swedish. */
export function translateBody(body: unknown): unknown {
  if (typeof body === 'string') return toSwedish(body);
  if (Array.isArray(body)) return body.map(translateBody);
  if (body !== null && typeof body === 'object') return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, translateBody(value)]));
  return body;
}
