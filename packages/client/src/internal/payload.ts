/** The raw body: the exact bytes received (a Buffer, any typed array or DataView, an ArrayBuffer), or their text. */
export type WebhookPayload = string | ArrayBufferView | ArrayBuffer;

/** The raw body as text, to parse. */
export const toText = (payload: WebhookPayload) => (typeof payload === 'string' ? payload : new TextDecoder().decode(payload));
