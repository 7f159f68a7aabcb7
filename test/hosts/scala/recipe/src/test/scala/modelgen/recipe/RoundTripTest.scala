package modelgen.recipe

import io.circe.{Decoder, Encoder, Json}
import io.circe.parser.parse
import io.circe.syntax.*
import org.junit.Assert.{assertEquals, assertTrue}
import org.junit.Test

class RoundTripTest {
  private def json(s: String): Json = parse(s).fold(e => throw new AssertionError(e.getMessage), identity)

  /** decode, encode, compare as Json values (key order does not matter for io.circe.Json equality) */
  private def roundTrip[A: Decoder: Encoder](s: String): A = {
    val in = json(s)
    val a = in.as[A].fold(e => throw new AssertionError(s"decode failed: ${e.getMessage}"), identity)
    assertEquals(in, a.asJson)
    a
  }

  private val ints = (8 to 25).map(i => f"\"f$i%02d\":$i").mkString(",")
  private val wide =
    s"""{"id":"run_1","object":"thread.run","created_at":1699063291,"status":"requires_action",
       |"tools":[{"type":"function","name":"f"},{"type":"file_search","max_num_results":3},{"type":"web_search","x":1}],
       |"completed_at":null,$ints}""".stripMargin

  @Test def wideCaseClassRoundTrips(): Unit = {
    val r = roundTrip[WideRun](wide)
    assertEquals(RunStatus.RequiresAction, r.status)
    assertEquals(None, r.temperature)
    assertEquals(None, r.completedAt)
    assertEquals(25, r.f25)
    assertEquals(Tool.Function(FunctionTool("f")), r.tools.head)
    assertTrue(r.tools(2).isInstanceOf[Tool.Unknown])
  }

  @Test def optionalFieldIsWrittenWhenPresent(): Unit = {
    val r = roundTrip[WideRun](wide.replace("\"completed_at\":null", "\"completed_at\":5,\"temperature\":0.5"))
    assertEquals(Some(0.5), r.temperature)
    assertEquals(Some(5L), r.completedAt)
  }

  @Test def unknownEnumValueFails(): Unit = {
    val e = json(wide.replace("requires_action", "weird")).as[WideRun]
    assertTrue(e.isLeft)
    assertTrue(e.left.toOption.get.getMessage.contains("unknown RunStatus value: weird"))
  }

  @Test def missingRequiredFieldFails(): Unit =
    assertTrue(json(wide.replace("\"id\":\"run_1\",", "")).as[WideRun].isLeft)

  @Test def enumWireValues(): Unit =
    assertEquals(RunStatus.ThreadRun, roundTrip[RunStatus]("\"thread.run\""))
}
