/** Types for parse-srcset 1.0 (the srcset parser sanitize-html itself uses; it ships none). */
declare module 'parse-srcset' {
  interface SrcsetCandidate {
    url: string;
    w?: number;
    h?: number;
    d?: number;
  }
  export default function parseSrcset(input: string): SrcsetCandidate[];
}
