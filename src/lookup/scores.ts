/**
 * How the lookup ranks what it found: every score and adjustment in one table. An answer lists
 * its explanations by score, best first (ties keep the order they were found in), so only the
 * order of these numbers matters, on a scale of 0 to 100. The table tests
 * (tests/unit/lookup-table.test.ts) pin the order they give.
 */
export const SCORE = {
  // What the input as a whole is.
  /** The whole input is a code, a name, `space:code` or a status: the answer itself. */
  exactInput: 100,
  /** The whole input is an HTTP reason phrase ("Too Many Requests"): the status it names, below exact matches. */
  reasonPhrase: 88,

  // Codes, names and numbers inside free text.
  /** A constant name (USER_NOT_FOUND) or snake_case code found inside the text. */
  nameInText: 86,
  /** A number after "code", "error", "status"… (or at the start) inside the text. */
  numberInText: 80,
  /** A business code a log line names (`code=4201`): what the line is about, so above its status. */
  logCode: 92,
  /** A business name or symbolic code a log line names (`error=CARD_DECLINED`). */
  logName: 91,

  // Codes only an envelope's example body shows (no space documents them).
  /** Such a code typed or found as a number: just below a documented code found the same way. */
  exampleCodeBelowDocumented: -5,
  /** Such a code in a pasted body: below the body's documented errors. */
  exampleCodeInBody: -10,
  /** The example's message found in a text: this much… */
  exampleMessage: 60,
  /** …plus this much times the share of the text the message covers… */
  exampleMessageCoverage: 30,
  /** …counted only from this share up. */
  exampleMessageMinCoverage: 0.6,

  // The status of a pasted response.
  /** The status line (or status header) of a pasted response holding nothing documented: the answer. */
  responseStatusAlone: 85,
  /** The status of a pasted body none of whose errors could be read, or read as nothing documented. */
  bodyStatusAlone: 60,
  /** The status of a pasted response whose codes or messages are documented: context, below them. */
  statusBesideDocumented: 45,

  // The errors of a pasted JSON body.
  /** The first error of a pasted body, found by its code, its type URI or its message. */
  bodyError: 90,
  /** Each later error of the body ranks this much lower, so the body's own order is kept… */
  bodyErrorOrderStep: 0.1,
  /** …for at most this many steps. */
  bodyErrorOrderSteps: 50,
  /** An error of the body the catalog does not document, explained from what it says. */
  bodyErrorUnknown: 50,
  /** A message hit for a body error counts only from this text score up (a weaker one is a guess). */
  bodyMessageFloor: 60,

  // Adjustments, added to the score of what they qualify.
  /** The undocumented number is in a declared range: what the range is for, well below documented matches. */
  rangeOfUndocumentedNumber: -30,
  /** The undocumented code of a pasted body is in a declared range. */
  rangeOfUndocumentedBodyCode: -15,
  /** A whole input that is also an HTTP status: its codes come just after the status (inside a text, a code the line names outranks the status). */
  codeThatIsAlsoStatus: -2,
  /** A code found by its name ranks just after one found by its code, for the same input. */
  codeFoundByName: -3,
  /** A surface's own variant of a status, after the status as the catalog declares it. */
  surfaceVariantOfStatus: -1,
  /** …but first when the body's envelope belongs to that surface (it is the more precise answer). */
  surfaceVariantOfEnvelope: 1,
  /**
   * A status named in prose ("we get a 404") ranks this much below a documented code of that status
   * found in the same text (by its message, name or number): the code is the precise answer.
   */
  statusInTextBelowItsCode: 1,
  /** A code documented with the status of the pasted response: first among codes found the same way. */
  pastedStatusDocumented: 2,
  /**
   * A code explained in a status context limited to the operation of the pasted request: the catalog
   * says this is what that call returns, so it ranks first among codes found the same way.
   */
  statusContextOfOperation: 1,
  /** A code not documented with the status of the pasted response: below the codes that are. */
  pastedStatusNotDocumented: -8,
  /** A common message is left out when its code is explained with at least its score minus this. */
  messageCoveredByCode: 5,

  // Matching a text to the catalog's messages (src/lookup/text-search.ts).
  /** The text is a whole message template (it covers 80 % or more of the text), values read. */
  wholeTemplate: 90,
  /** A template found inside a longer text: this much… */
  templateInText: 70,
  /** …plus this much times the share of the text it covers. */
  templateCoverage: 15,
  /** Plus this much times the share of the template that is literal words (not placeholders). */
  templateLiteralShare: 4,
  /** Words shared with a message: this much… */
  sharedWords: 25,
  /** …plus this much times the share of the text's words (by rarity) the message holds… */
  sharedWordsOfText: 45,
  /** …plus this much times the share of the message's words the text holds… */
  sharedWordsOfMessage: 15,
  /** …plus this much when the text appears word for word in the message… */
  sharedPhrase: 8,
  /** …and never above this: shared words never rank with a template match. */
  sharedWordsCeiling: 89,
  /** Hits shown for a whole template: those within this much of the best. */
  templateHitsWithin: 10,
  /** Hits shown otherwise: those within this much of the best. */
  wordHitsWithin: 30,
} as const;
