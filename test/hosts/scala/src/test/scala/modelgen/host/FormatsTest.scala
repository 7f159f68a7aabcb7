package modelgen.host

import io.circe.Json
import org.junit.Test
import org.junit.Assert.assertEquals
import modelgen.host.Check.*
import fixtures.formats.*

/**
 * Integers beyond 2^53 (test/fixtures/formats.yaml, package fixtures.formats): int64's largest and
 * smallest in fields, consts and an enum decode and encode with every digit, and the spec's value is
 * a Long, not the double a JSON reader gives for it (which took another int64 for it). A uint64
 * enum value beyond Long (`Wide`) is compared as a double: not in this payload.
 */
class FormatsTest {
  private val payload = json(
    """{"i32": 7, "i64": 9007199254740993, "u64": 18446744073709551615, "stamp": 1700000000,
      | "seed": -9223372036854775808, "most": 9223372036854775807, "least": -9223372036854775808,
      | "limit": 9223372036854775807, "cursor": 9223372036854775806}""".stripMargin,
  )

  @Test def integersBeyond2To53RoundTripWithEveryDigit(): Unit = {
    val formats = roundTripJson[Formats](payload, "formats")
    assertEquals(9007199254740993L, formats.i64)
    assertEquals(BigInt("18446744073709551615"), formats.u64)
    assertEquals(Some(Limit.Value9223372036854775807), formats.limit)
    assertEquals((Some(Long.MaxValue), Some(Long.MinValue)), (formats.most, formats.least))
  }

  @Test def anotherIntegerThatReadsAsTheSameDoubleIsNotTheSpecsValue(): Unit = {
    val other = set(payload, "limit", Json.fromLong(9223372036854775806L))
    assertEquals(Some(Limit.Unknown(9223372036854775806L)), roundTripJson[Formats](other, "another limit").limit)
    assertMentions(failure[Formats](set(payload, "most", Json.fromLong(9223372036854775806L))), "most")
  }
}
