package modelgen.host

import io.circe.Json
import io.circe.syntax.*
import org.junit.Test
import org.junit.Assert.assertEquals
import modelgen.host.Check.*
import fixtures.wideobjects.*

/**
 * Objects of more fields than a JVM constructor takes (test/fixtures/wide-objects.yaml, package
 * fixtures.wideobjects): the fields are held in parts, yet every field reads as a member of the
 * class, the JSON is one flat object in the spec's key order, and a part whose fields all have
 * defaults has a default itself.
 */
class WideObjectsTest {
  private val counters: Json = Json.fromFields(
    (1 to 130).map { i =>
      // c064 is a Double and c065 an Int; the other counters are beyond an Int's range.
      f"c$i%03d" -> (if (i == 64) Json.fromDouble(0.5).get else if (i == 65) Json.fromInt(65) else Json.fromLong(i * 1000000000L))
    } :+
      ("extra" -> Json.fromLong(7L)),
  )

  @Test def everyFieldOfAWideObjectRoundTripsInTheSpecsOrder(): Unit = {
    val value = roundTripJson[Counters](counters, "counters")
    assertEquals(1000000000L, value.c001)
    assertEquals(0.5, value.c064, 0.0)
    assertEquals(65, value.c065)
    assertEquals(130000000000L, value.c130)
    assertEquals(value.part2.c130, value.c130)
    assertEquals(Map("extra" -> 7L), value.additionalProperties)
    assertEquals(counters.asObject.get.keys.toList, value.asJson.asObject.get.keys.toList)
  }

  @Test def aMissingFieldOfAnyPartFailsByItsKey(): Unit =
    assertMentions(failure[Counters](remove(counters, "c129")), "c129")

  @Test def partsWithOnlyOptionalFieldsHaveDefaults(): Unit = {
    val input = json("""{"account_id": "a-1", "allow_feature_150": true, "part1": {"note": "n"}, "part2": {"label": "l"}, "tail": [{"label": "t"}]}""")
    val value = roundTripJson[Settings](input, "settings")
    assertEquals("a-1", value.accountId)
    assertEquals(Some(Settings.Part1(note = Some("n"))), value.part1)
    assertEquals(Some(Part2(label = Some("l"))), value.part2)
    assertEquals(Some(List(Part2(label = Some("t")))), value.tail)
    val built = Settings(part1_2 = Settings.Part1_2(accountId = "a-2", allowFeature150 = false))
    assertEquals(None, built.tail)
    assertEquals(Settings.Part2(), built.part2_2)
    assertJson("""{"account_id": "a-2", "allow_feature_150": false}""", built.asJson)
  }
}
