// Media types, as the spec's request bodies and responses name them.

/** `application/json` exactly (parameters aside): the media type whose model takes the plain name. */
export function isPlainJson(mediaType: string): boolean {
  return /^application\/json\s*(?:;.*)?$/i.test(mediaType);
}
