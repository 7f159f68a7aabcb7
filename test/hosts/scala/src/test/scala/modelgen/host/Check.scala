package modelgen.host

import io.circe.{ACursor, Decoder, Encoder, Json}
import io.circe.parser.parse
import io.circe.syntax.*
import org.junit.Assert.{assertEquals, assertTrue}

/** Fixtures, round trips and failure messages, shared by the tests of every generated package. */
object Check {
  def text(resource: String): String = {
    val in = getClass.getResourceAsStream("/" + resource)
    if (in == null) throw new AssertionError(s"missing fixture $resource")
    try new String(in.readAllBytes(), "UTF-8")
    finally in.close()
  }

  def json(text: String): Json =
    parse(text).fold(e => throw new AssertionError(s"not JSON: ${e.getMessage}"), identity)

  def fixture(resource: String): Json = json(text(resource))

  def decode[A: Decoder](input: Json): A =
    input.as[A].fold(e => throw new AssertionError(s"decode failed: ${e.getMessage}"), identity)

  /** Decodes and encodes again: the JSON value must come back equal (key order aside). */
  def roundTripJson[A: Decoder: Encoder](input: Json, what: String): A = {
    val value = decode[A](input)
    val output = value.asJson
    if (output != input)
      throw new AssertionError(s"$what changed in a round trip:\n in:  ${input.noSpacesSortKeys}\n out: ${output.noSpacesSortKeys}")
    value
  }

  def roundTrip[A: Decoder: Encoder](resource: String): A = roundTripJson[A](fixture(resource), resource)

  /** Decoding must fail; returns circe's message (it names the path of the bad field). */
  def failure[A: Decoder](input: Json): String =
    input.as[A] match {
      case Left(e) => e.getMessage
      case Right(v) => throw new AssertionError(s"a bad payload decoded as $v")
    }

  def assertMentions(message: String, parts: String*): Unit =
    parts.foreach(p => assertTrue(s"expected '$p' in: $message", message.contains(p)))

  /** The JSON with the value at `path` replaced (`Some`) or removed (`None`); digits index arrays. */
  def edit(input: Json, path: String, value: Option[Json]): Json = {
    val cursor = path.split('.').foldLeft(input.hcursor: ACursor) { (c, step) =>
      if (step.forall(_.isDigit)) c.downN(step.toInt) else c.downField(step)
    }
    if (cursor.failed) throw new AssertionError(s"no $path in the fixture")
    val changed = value.fold(cursor.delete)(v => cursor.set(v))
    changed.top.getOrElse(throw new AssertionError(s"cannot edit $path"))
  }

  def set(input: Json, path: String, value: Json): Json = edit(input, path, Some(value))
  def remove(input: Json, path: String): Json = edit(input, path, None)

  def assertJson(expected: String, actual: Json): Unit = assertEquals(json(expected), actual)
}
