package modelgen.host

import io.circe.{Decoder, Encoder, Json}
import org.junit.Test
import org.junit.Assert.assertEquals
import modelgen.host.Check.*

/**
 * Round trips of OpenAI's RunObject and RunStepObject, run once per generated OpenAI package
 * (each subclass binds the types and reads a few values back through the generated API).
 */
abstract class OpenAiRunsTest {
  type Run
  type Step
  implicit def runDecoder: Decoder[Run]
  implicit def runEncoder: Encoder[Run]
  implicit def stepDecoder: Decoder[Step]
  implicit def stepEncoder: Encoder[Step]

  /** `status`, `temperature`, `top_p` and the required action's first function, as text. */
  def describeRun(run: Run): List[String]
  /** The step_details variant and what it holds, as text. */
  def describeStep(step: Step): List[String]

  @Test def runObjectCompleted(): Unit = {
    val run = roundTrip[Run]("openai/run_object_completed.json")
    assertEquals(List("completed", "temperature=Present(1.0)", "top_p=Present(1.0)", "tools=CodeInterpreter,FileSearch", "action=none"), describeRun(run))
  }

  @Test def runObjectRequiresAction(): Unit = {
    val run = roundTrip[Run]("openai/run_object_requires_action.json")
    assertEquals(List("requires_action", "temperature=Null", "top_p=Absent", "tools=Function", "action=get_current_weather"), describeRun(run))
  }

  @Test def runStepMessageCreation(): Unit = {
    val step = roundTrip[Step]("openai/run_step_message_creation.json")
    assertEquals(List("completed", "message_creation", "msg_abc123"), describeStep(step))
  }

  @Test def runStepToolCalls(): Unit = {
    val step = roundTrip[Step]("openai/run_step_tool_calls.json")
    assertEquals(List("failed", "tool_calls", "CodeInterpreter,FileSearch,Function", "server_error"), describeStep(step))
  }

  @Test def unknownStepDetailsAreKept(): Unit = {
    // Tagged unions are open: an object with a tag the spec does not list is kept whole and written back.
    val input = set(fixture("openai/run_step_tool_calls.json"), "step_details.type", Json.fromString("web_search"))
    assertEquals(List("failed", "unknown", "web_search"), describeStep(roundTripJson[Step](input, "step with new details")))
  }

  @Test def unknownStatusIsKept(): Unit = {
    val input = set(fixture("openai/run_object_completed.json"), "status", Json.fromString("paused"))
    assertEquals("paused", describeRun(roundTripJson[Run](input, "run with a new status")).head)
  }

  @Test def absentRequiredNullableReadsAsNone(): Unit = {
    // Lenient presence: `expires_at` (required, nullable) may be left out; it is written back as null.
    val input = remove(fixture("openai/run_object_completed.json"), "expires_at")
    val run = decode[Run](input)
    assertEquals(fixture("openai/run_object_completed.json"), runEncoder(run))
  }

  @Test def malformedRunsNameTheField(): Unit = {
    val run = fixture("openai/run_object_completed.json")
    assertMentions(failure[Run](set(run, "created_at", Json.fromString("yesterday"))), ".created_at")
    assertMentions(failure[Run](remove(run, "model")), "Missing required field", "model")
    assertMentions(failure[Run](set(run, "object", Json.fromString("thread.run.step"))), ".object", "thread.run")
    assertMentions(failure[Run](set(run, "tools.1.file_search.max_num_results", Json.fromString("ten"))), "file_search", "max_num_results")
  }

  @Test def malformedStepsNameTheField(): Unit = {
    val step = fixture("openai/run_step_tool_calls.json")
    assertMentions(failure[Step](set(step, "step_details.type", Json.fromInt(3))), ".step_details.type", "expected a string tag, got 3")
    assertMentions(failure[Step](remove(step, "step_details.tool_calls.2.function.name")), "Missing required field", "name")
    assertMentions(failure[Step](set(step, "step_details.tool_calls.0.code_interpreter.outputs.1.image", Json.fromString("x"))), "image")
  }
}

class OpenAi20240624Test extends OpenAiRunsTest {
  import openai.v20240624.*
  type Run = RunObject
  type Step = RunStepObject
  implicit def runDecoder: Decoder[Run] = RunObject.codec
  implicit def runEncoder: Encoder[Run] = RunObject.codec
  implicit def stepDecoder: Decoder[Step] = RunStepObject.codec
  implicit def stepEncoder: Encoder[Step] = RunStepObject.codec

  def describeRun(run: Run): List[String] = List(
    run.status.value,
    s"temperature=${run.temperature}",
    s"top_p=${run.topP}",
    s"tools=${run.tools.map(_.productPrefix).mkString(",")}",
    s"action=${run.requiredAction.fold("none")(_.submitToolOutputs.toolCalls.head.function.name)}",
  )

  def describeStep(step: Step): List[String] = step.status.value :: (step.stepDetails match {
    case RunStepObject.StepDetails.MessageCreation(d) => List("message_creation", d.messageCreation.messageId)
    case RunStepObject.StepDetails.ToolCalls(d) =>
      List("tool_calls", d.toolCalls.map(_.productPrefix).mkString(","), step.lastError.fold("")(_.code.value))
    case RunStepObject.StepDetails.Unknown(json) => List("unknown", json.hcursor.get[String]("type").getOrElse(""))
  })
}

class OpenAi20260821Test extends OpenAiRunsTest {
  import openai.v20260821.*
  type Run = RunObject
  type Step = RunStepObject
  implicit def runDecoder: Decoder[Run] = RunObject.codec
  implicit def runEncoder: Encoder[Run] = RunObject.codec
  implicit def stepDecoder: Decoder[Step] = RunStepObject.codec
  implicit def stepEncoder: Encoder[Step] = RunStepObject.codec

  def describeRun(run: Run): List[String] = List(
    run.status.value,
    s"temperature=${run.temperature}",
    s"top_p=${run.topP}",
    s"tools=${run.tools.map(_.productPrefix).mkString(",")}",
    s"action=${run.requiredAction.fold("none")(_.submitToolOutputs.toolCalls.head.function.name)}",
  )

  def describeStep(step: Step): List[String] = step.status.value :: (step.stepDetails match {
    case RunStepObject.StepDetails.MessageCreation(d) => List("message_creation", d.messageCreation.messageId)
    case RunStepObject.StepDetails.ToolCalls(d) =>
      List("tool_calls", d.toolCalls.map(_.productPrefix).mkString(","), step.lastError.fold("")(_.code.value))
    case RunStepObject.StepDetails.Unknown(json) => List("unknown", json.hcursor.get[String]("type").getOrElse(""))
  })
}
