/**
 * Whether a saved article may load images from the web when it is opened. Every remote image is a request
 * the site can log: a tracking pixel learns when (and that) you read. The user picks how much of that to allow.
 * - `always`: the images as the page had them, from the web (offline copies unused);
 * - `withoutCopy`: an offline copy where there is one, the web for the rest (the default);
 * - `never`: offline copies only; other images are not shown, and the reader says so.
 */
export const WEB_IMAGE_POLICIES = ['always', 'withoutCopy', 'never'] as const;
export type WebImagePolicy = (typeof WEB_IMAGE_POLICIES)[number];

export const DEFAULT_WEB_IMAGE_POLICY: WebImagePolicy = 'withoutCopy';

/** A stored value → a policy; anything unknown (another version, a hand edit) reads as the default. */
export function toWebImagePolicy(value: unknown): WebImagePolicy {
  return (WEB_IMAGE_POLICIES as readonly unknown[]).includes(value) ? (value as WebImagePolicy) : DEFAULT_WEB_IMAGE_POLICY;
}
