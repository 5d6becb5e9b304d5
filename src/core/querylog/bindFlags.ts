/**
 * BIND's query-log flag string decoded (lib/ns/query.c, log_query): `+` recursion desired
 * or `-` not, then `S` signed (TSIG/SIG(0)), `E` EDNS (`E(n)`: EDNS version n, from 9.11;
 * a bare `E` in 9.10 and earlier), `T` TCP, `D` DO, `C` CD, `V` a valid server cookie,
 * `K` a cookie without a valid server cookie. Letters BIND may add later are kept in
 * `unknown` rather than rejecting the line.
 */

export interface BindQueryFlags {
  recursionDesired: boolean;
  signed: boolean;
  /** EDNS present; `ednsVersion` is the n of `E(n)`, undefined for a bare `E`. */
  edns: boolean;
  ednsVersion: number | undefined;
  tcp: boolean;
  dnssecOk: boolean;
  checkingDisabled: boolean;
  validServerCookie: boolean;
  cookieWithoutValidServerCookie: boolean;
  /** Letters not in the list above, in order. */
  unknown: string;
}

/** Decodes "+E(0)DK"; undefined when the string does not start with + or -. */
export function decodeBindFlags(text: string): BindQueryFlags | undefined {
  const first = text[0];
  if (first !== '+' && first !== '-') return undefined;
  const f: BindQueryFlags = {
    recursionDesired: first === '+',
    signed: false,
    edns: false,
    ednsVersion: undefined,
    tcp: false,
    dnssecOk: false,
    checkingDisabled: false,
    validServerCookie: false,
    cookieWithoutValidServerCookie: false,
    unknown: '',
  };
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    switch (c) {
      case 'S':
        f.signed = true;
        break;
      case 'E': {
        f.edns = true;
        const m = /^\((\d{1,3})\)/.exec(text.slice(i + 1));
        if (m !== null) {
          f.ednsVersion = Number(m[1]);
          i += m[0].length;
        }
        break;
      }
      case 'T':
        f.tcp = true;
        break;
      case 'D':
        f.dnssecOk = true;
        break;
      case 'C':
        f.checkingDisabled = true;
        break;
      case 'V':
        f.validServerCookie = true;
        break;
      case 'K':
        f.cookieWithoutValidServerCookie = true;
        break;
      default:
        f.unknown += c ?? '';
    }
  }
  return f;
}
