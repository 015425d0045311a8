/**
 * The sentences the grader produces, with their parameters (src/i18n/build.{en,ko}.ts hold the words;
 * i18n/index.ts checks that both catalogs cover these keys with exactly these placeholders). A reason
 * says what the client expected and what the learner's server did, in the learner's terms, with the rule.
 */
import { messagesOf, type Text } from '../protocol/index.ts';

type P<K extends string> = { readonly [k in K]: string | number | Text };
type None = Record<never, never>;

export interface BuildTexts {
  // ── what each check sends ──
  readonly 'build.check.upgrade': P<'key'>;
  readonly 'build.check.noKey': None;
  readonly 'build.check.badKey': P<'key'>;
  readonly 'build.check.noHost': None;
  readonly 'build.check.version8': None;
  readonly 'build.check.text': P<'text'>;
  readonly 'build.check.length': P<'n'>;
  readonly 'build.check.split': P<'pieces'>;
  readonly 'build.check.batched': P<'count'>;
  readonly 'build.check.fragments': None;
  readonly 'build.check.close': None;
  readonly 'build.check.unmasked': None;
  readonly 'build.check.rsv1': None;
  readonly 'build.check.opcode3': None;
  readonly 'build.check.fragmentedPing': None;
  readonly 'build.check.longPing': None;
  readonly 'build.check.badUtf8': None;
  // ── the handshake ──
  readonly 'build.fail.noResponse': None;
  readonly 'build.fail.headIncomplete': None;
  readonly 'build.fail.notHttp': P<'start'>;
  readonly 'build.fail.status': P<'got' | 'want'>;
  readonly 'build.fail.noHeader': P<'name' | 'value'>;
  readonly 'build.fail.noAccept': None;
  readonly 'build.fail.wrongAccept': P<'got' | 'want' | 'key'>;
  readonly 'build.fail.refused': P<'got' | 'want' | 'rule'>;
  readonly 'build.fail.noVersionHeader': P<'got'>;
  readonly 'build.fail.noUpgradeIn426': None;
  readonly 'build.fail.needsHandshake': P<'reason'>;
  // ── frames back ──
  readonly 'build.fail.noEcho': None;
  readonly 'build.fail.masked': None;
  readonly 'build.fail.stillMasked': P<'n'>;
  readonly 'build.fail.opcode': P<'got' | 'want'>;
  readonly 'build.fail.lengthForm': P<'n' | 'got' | 'want'>;
  readonly 'build.fail.echoLength': P<'got' | 'want'>;
  readonly 'build.fail.echoBytes': P<'at' | 'got' | 'want'>;
  readonly 'build.fail.badFrame': P<'rule'>;
  readonly 'build.fail.lengthRead': P<'n' | 'len7' | 'extra' | 'detail'>;
  readonly 'build.fail.split': P<'pieces'>;
  readonly 'build.fail.batched': P<'count' | 'got'>;
  readonly 'build.fail.noPong': None;
  readonly 'build.fail.pongPayload': P<'got' | 'want'>;
  readonly 'build.fail.partialEcho': P<'got' | 'want'>;
  // ── closing ──
  readonly 'build.fail.noClose': None;
  readonly 'build.fail.closeCode': P<'got' | 'want'>;
  readonly 'build.fail.afterClose': None;
  readonly 'build.fail.noFin': None;
  readonly 'build.fail.reset': None;
  readonly 'build.fail.notFailed': P<'code' | 'rule'>;
  readonly 'build.fail.echoedBad': P<'code' | 'rule'>;
  readonly 'build.fail.wrongCode': P<'got' | 'code' | 'rule'>;
  readonly 'build.fail.endedWithoutClose': P<'code'>;
  // ── why a run stopped (the code itself, explain.ts) ──
  readonly 'build.crash.syntax': P<'line' | 'column' | 'message'>;
  readonly 'build.crash.import': P<'line' | 'specifier'>;
  readonly 'build.crash.noHandler': P<'found'>;
  readonly 'build.crash.loadThrew': P<'where' | 'message'>;
  readonly 'build.crash.threw': P<'where' | 'message'>;
  readonly 'build.crash.rejected': P<'where' | 'message'>;
  readonly 'build.crash.stack': P<'where'>;
  readonly 'build.crash.memory': P<'message'>;
  readonly 'build.crash.timeout': P<'seconds'>;
  readonly 'build.crash.output': P<'limit'>;
  readonly 'build.crash.sandbox': P<'message'>;
  readonly 'build.crash.at': P<'line' | 'column'>;
  readonly 'build.crash.inStage': P<'n' | 'title' | 'what'>;
  // ── small words ──
  readonly 'build.word.noCode': None;
  readonly 'build.word.nothing': None;
  readonly 'build.word.bytes': P<'n'>;
}
export type BuildTextId = keyof BuildTexts;

export const say = messagesOf<BuildTexts>();
