import type { Lang, Localized } from './i18n/index.js';

/** Character offsets `[start, end)` in the text the person typed. */
export interface SourceRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The one error type gradstep throws on bad input: a stable code, a message in
 * each language, and (for parse errors) the range of the input it concerns.
 */
export class GradstepError extends Error {
  readonly code: string;
  readonly messages: Localized;
  readonly range: SourceRange | undefined;

  constructor(code: string, messages: Localized, range?: SourceRange) {
    super(messages.en);
    this.name = 'GradstepError';
    this.code = code;
    this.messages = messages;
    this.range = range;
  }

  /** The message in the given language. */
  localized(lang: Lang): string {
    return this.messages[lang];
  }

  toJSON(): { code: string; message: string; messages: Localized; range?: SourceRange } {
    return {
      code: this.code,
      message: this.messages.en,
      messages: this.messages,
      ...(this.range ? { range: this.range } : {}),
    };
  }
}

export function isGradstepError(e: unknown): e is GradstepError {
  return e instanceof GradstepError;
}
