/**
 * The stored form of a record whose body is packed (compress.ts), apart from the code that packs it: checking
 * a record's form (validate.ts, which every index read uses) must not load fflate.
 */
export const PACKED = 'deflate-raw-base64';

export type Packed<T extends { content: string; text: string }> = Omit<T, 'content' | 'text'> & { packed: typeof PACKED; body: string };
