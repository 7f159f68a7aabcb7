package modelgen.host

import io.circe.Json
import org.junit.Test
import org.junit.Assert.{assertEquals, assertTrue}
import modelgen.host.Check.*

/**
 * Issue 13's customized packages (test/compile/customized/settings.ts): `custom.nativespec` (spec/
 * with types native and Metadata mapped to com.acme.Metadata), `custom.customizedopenai` (OpenAI 2026-08-21
 * with an overlay, a rename, types native and the mapping) and `custom.runonly` (RunObject alone).
 * Payloads from test/compile/payloads/customized.
 */
class CustomizedTest {
  @Test def formatsReadAsJavaTimeAndUuidAndWriteBackTheWireForm(): Unit = {
    val input = fixture("customized/formats.json").asArray.get.head
    val f = roundTripJson[custom.nativespec.Formats](input, "formats")
    assertEquals(Some(java.time.OffsetDateTime.parse("2024-05-01T12:30:00Z")), f.when)
    assertEquals(Some(java.time.LocalDate.parse("2024-05-01")), f.day)
    assertEquals(Some(java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000")), f.uid)
    assertEquals(Some(java.time.Instant.ofEpochSecond(1714566600L)), f.stamp)
  }

  @Test def aBadDateNamesTheField(): Unit = {
    val input = set(fixture("customized/formats.json").asArray.get.head, "day", Json.fromString("2024-13-01"))
    assertMentions(failure[custom.nativespec.Formats](input), "day", "an ISO date")
  }

  @Test def aRunWithTimestampsNullInstructionsAndTheUsersMetadataRoundTrips(): Unit = {
    val run = roundTripJson[custom.customizedopenai.RunObject](fixture("customized/runs.json").asArray.get.head, "run")
    assertEquals(java.time.Instant.ofEpochSecond(1698107661L), run.createdAt)
    assertEquals(None, run.expiresAt)
    assertEquals(None, run.instructions)
    assertEquals(Some(com.acme.Metadata(Map("team" -> "runs", "user_id" -> "user_abc123"))), run.metadata)
  }

  @Test def theRenamedStepAndRunObjectAlone(): Unit = {
    val step: Option[custom.customizedopenai.RunStep] = None
    assertTrue(step.isEmpty)
    val input = set(fixture("customized/runs.json").asArray.get.head, "instructions", Json.fromString(""))
    val run = roundTripJson[custom.runonly.RunObject](input, "run only")
    assertEquals(1698107661L, run.createdAt)
  }
}
