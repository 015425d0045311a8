/**
 * The engine's sentences in one registry: every text id with its English source, gathered from the
 * tables that own them (rules, close codes, field meanings, HTTP head problems, decoder values) plus
 * the line that describes an error. English is rendered here, for Node logs, HTTP error bodies and
 * tests; the UI renders every language through src/i18n, whose catalogs are keyed by these ids.
 */
import { CLOSE_TEXTS, closeCodeName } from './close.ts';
import { DECODER_TEXTS } from './decoder.ts';
import { RULE_TEXTS, type ProtocolError } from './errors.ts';
import { FIELD_TEXTS } from './fields.ts';
import { HTTP_TEXTS } from './http.ts';
import { fillTemplate, textsOf, type Text } from './text.ts';

/** "RFC 6455 §5.5: … → close 1002 (Protocol Error)": the answer suffix is a sentence of its own. */
const ERROR_TEXTS = {
  'error.rule': 'RFC {rfc} §{section}: {message}',
  'error.answer.close': '{rule} → close {code} ({name})',
  'error.answer.http': '{rule} → HTTP {status}',
  'error.answer.declined': '{rule} → 101 without the extension',
} as const;

export const ENGLISH = {
  ...RULE_TEXTS,
  ...CLOSE_TEXTS,
  ...FIELD_TEXTS,
  ...HTTP_TEXTS,
  ...DECODER_TEXTS,
  ...ERROR_TEXTS,
} as const;

/** Every id the engine speaks with; a catalog in src/i18n must translate each (its type checks this). */
export type TextId = keyof typeof ENGLISH;
export type EngineText = Text<TextId>;

const say = textsOf<typeof ERROR_TEXTS>();

/** "RFC 6455 §5.5: <the rule's sentence>", without what the peer answers. */
export function errorRuleText(e: ProtocolError): EngineText {
  return say('error.rule', { rfc: e.rfc, section: e.section, message: e.message });
}

/** The sentence a learner reads for a violation: the rule, its section, and what the peer answers. */
export function errorText(e: ProtocolError): EngineText {
  const rule = errorRuleText(e);
  switch (e.answer.kind) {
    case 'close':
      return say('error.answer.close', {
        rule,
        code: e.answer.code,
        // Every CloseCodeAnswer is a registered code, so the name is always there.
        name: closeCodeName(e.answer.code) ?? String(e.answer.code),
      });
    case 'http':
      return say('error.answer.http', { rule, status: e.answer.status });
    case 'declined':
      return say('error.answer.declined', { rule });
    default:
      return rule;
  }
}

function isEngineId(id: string): id is TextId {
  return Object.hasOwn(ENGLISH, id);
}

/** A Text in English. An id the engine does not know (an app catalog key) is shown as is. */
export function englishText(text: Text): string {
  const template = isEngineId(text.id) ? ENGLISH[text.id] : text.id;
  return fillTemplate(template, text.params, englishText);
}

/** One English line for a violation, for logs and tests: "RFC 6455 §5.5: … → close 1002 (Protocol Error)". */
export function describeError(e: ProtocolError): string {
  return englishText(errorText(e));
}
