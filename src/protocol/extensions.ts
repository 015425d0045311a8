/**
 * The Sec-WebSocket-Extensions header (RFC 6455 §9.1), read and written:
 *
 *   extension-list = 1#extension
 *   extension      = extension-token *( ";" extension-param )
 *   extension-param = token [ "=" (token | quoted-string) ]
 *
 * "When using the quoted-string syntax variant, the value after quoted-string unescaping MUST conform
 * to the 'token' ABNF." Several header fields are one list (RFC 9110 §5.3): `headerValue` joins them.
 * Parsing is pure and bounded by the header's length; what an extension's parameters mean is the
 * extension's business (deflate/params.ts).
 */

export interface ExtensionParam {
  readonly name: string;
  /** null when the parameter has no value (`client_max_window_bits`); the unquoted value otherwise. */
  readonly value: string | null;
}

export interface ExtensionElement {
  /** The extension token, lower-cased (tokens are case-insensitive). */
  readonly name: string;
  readonly params: readonly ExtensionParam[];
}

export type ExtensionsParse =
  | { readonly ok: true; readonly elements: readonly ExtensionElement[] }
  | { readonly ok: false; readonly detail: string };

/** RFC 9110 §5.6.2 tchar. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export const isToken = (s: string): boolean => TOKEN.test(s);

/** Split `s` at `sep` outside quoted strings (a backslash escapes the next character inside one). */
function splitOutsideQuotes(s: string, sep: string): string[] | null {
  const parts: string[] = [];
  let quoted = false;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      parts.push(s.slice(from, i));
      from = i + 1;
    }
  }
  if (quoted) return null;
  parts.push(s.slice(from));
  return parts;
}

function unquote(v: string): string | null {
  if (!v.startsWith('"')) return v;
  if (v.length < 2 || !v.endsWith('"')) return null;
  return v.slice(1, -1).replace(/\\(.)/g, '$1');
}

/** Parse a Sec-WebSocket-Extensions value into its elements, or say what is malformed. */
export function parseExtensions(value: string): ExtensionsParse {
  const items = splitOutsideQuotes(value, ',');
  if (items === null) return { ok: false, detail: 'a quoted string is not closed' };
  const elements: ExtensionElement[] = [];
  for (const raw of items) {
    const item = raw.trim();
    if (item === '') continue; // RFC 9110 §5.6.1: empty list elements are ignored
    const pieces = splitOutsideQuotes(item, ';')!;
    const name = pieces[0]!.trim();
    if (!isToken(name)) return { ok: false, detail: `“${clip(name)}” is not an extension token` };
    const params: ExtensionParam[] = [];
    for (const p of pieces.slice(1)) {
      const eq = p.indexOf('=');
      const pname = (eq < 0 ? p : p.slice(0, eq)).trim();
      if (!isToken(pname)) return { ok: false, detail: `“${clip(pname)}” is not a parameter name` };
      if (eq < 0) {
        params.push({ name: pname.toLowerCase(), value: null });
        continue;
      }
      const v = unquote(p.slice(eq + 1).trim());
      if (v === null || !isToken(v)) {
        return {
          ok: false,
          detail: `the value of ${pname} is not a token: “${clip(p.slice(eq + 1).trim())}”`,
        };
      }
      params.push({ name: pname.toLowerCase(), value: v });
    }
    elements.push({ name: name.toLowerCase(), params });
  }
  return { ok: true, elements };
}

/** One element as it is written in the header: `permessage-deflate; client_max_window_bits=10`. */
export function serializeExtension(e: ExtensionElement): string {
  return [e.name, ...e.params.map((p) => (p.value === null ? p.name : `${p.name}=${p.value}`))].join('; ');
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
