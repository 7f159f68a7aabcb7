package com.acme

import io.circe.{Decoder, Encoder}

/**
 * The user's own type for the spec's `Metadata` (issue 13's `map:` setting): the generated models
 * name it wherever the spec uses Metadata, and find its codecs here, in its companion. Copied into
 * the host's src/main/scala by test/compile/scala.test.ts (src/main is generated, so ignored by git).
 */
final case class Metadata(tags: Map[String, String])

object Metadata {
  given Decoder[Metadata] = Decoder.decodeMap[String, String].map(Metadata(_))
  given Encoder[Metadata] = Encoder.encodeMap[String, String].contramap(_.tags)
}
