package modelgen.host

import io.circe.Json
import io.circe.syntax.*
import org.junit.Test
import org.junit.Assert.{assertEquals, assertTrue, fail}
import modelgen.host.Check.*
import runsapi.models.*

/** The models of spec/openapi.yaml (package runsapi.models: lenient presence, unknown enum values kept). */
class RunsApiTest {

  @Test def runCompleted(): Unit = {
    val run = roundTrip[Run]("runs-api/run_completed.json")
    assertEquals(RunStatus.Completed, run.status)
    // Unix timestamps and int64 counts are Long: past 2038 and past 2^53 both survive.
    assertEquals(Some(4102444800L), run.completedAt)
    assertEquals(Some(9007199254740993L), run.usage.map(_.totalTokens))
    assertEquals(List("CodeInterpreter", "FileSearch", "Function"), run.tools.map(_.productPrefix))
    run.tools(2) match {
      case AssistantTool.Function(tool) =>
        assertEquals("get_weather", tool.function.name)
        assertEquals(Nullable.Present(true), tool.function.strict)
      case other => fail(s"expected a function tool, got $other")
    }
    assertEquals(Nullable.Present(1.0), run.temperature)
    assertEquals(Nullable.Absent, run.topP)
    assertEquals(ToolChoice.Variant1.Auto, run.toolChoice)
    assertEquals(ResponseFormat.Auto, run.responseFormat)
    assertEquals(Some(Map("user" -> "u_42")), run.metadata)
    assertEquals("thread.run", run.`object`)
  }

  @Test def runRequiresAction(): Unit = {
    val run = roundTrip[Run]("runs-api/run_requires_action.json")
    assertEquals(RunStatus.RequiresAction, run.status)
    assertEquals(Nullable.Null, run.temperature)
    assertEquals(Nullable.Present(0.5), run.topP)
    assertEquals(Some(Run.LastError.Code.RateLimitExceeded), run.lastError.map(_.code))
    assertEquals(Some(Run.IncompleteDetails.Reason.MaxPromptTokens), run.incompleteDetails.flatMap(_.reason))
    assertEquals(List("get_weather"), run.requiredAction.toList.flatMap(_.submitToolOutputs.toolCalls.map(_.function.name)))
    run.toolChoice match {
      case ToolChoice.NamedToolChoice(choice) => assertEquals(Some("get_weather"), choice.function.map(_.name))
      case other => fail(s"expected a named tool choice, got $other")
    }
    run.responseFormat match {
      case ResponseFormat.ResponseFormatJsonSchema(format) =>
        assertEquals("weather", format.jsonSchema.name)
        assertEquals(Nullable.Null, format.jsonSchema.strict)
      case other => fail(s"expected a JSON schema format, got $other")
    }
    assertEquals(None, run.metadata)
    assertEquals(Some(TruncationStrategy.Type.LastMessages), run.truncationStrategy.map(_.`type`))
  }

  @Test def runStepMessageCreation(): Unit = {
    val step = roundTrip[RunStep]("runs-api/run_step_message_creation.json")
    assertEquals(RunStep.Type.MessageCreation, step.`type`)
    step.stepDetails match {
      case RunStep.StepDetails.MessageCreation(details) => assertEquals("msg_abc123", details.messageCreation.messageId)
      case other => fail(s"expected message_creation, got $other")
    }
    assertEquals(Some(Map.empty[String, String]), step.metadata)
  }

  @Test def runStepToolCalls(): Unit = {
    val step = roundTrip[RunStep]("runs-api/run_step_tool_calls.json")
    step.stepDetails match {
      case RunStep.StepDetails.ToolCalls(details) =>
        details.toolCalls match {
          case List(ci: StepToolCall.CodeInterpreter, fn: StepToolCall.Function2) =>
            assertEquals(List("Logs", "Image"), ci.codeInterpreter.outputs.map(_.productPrefix))
            assertEquals(None, fn.function.output)
          case other => fail(s"unexpected tool calls $other")
        }
      case other => fail(s"expected tool_calls, got $other")
    }
    assertEquals(RunStep.Status.Failed, step.status)
    assertEquals(Some(RunStep.LastError.Code.ServerError), step.lastError.map(_.code))
  }

  @Test def absentAndNullStayApart(): Unit = {
    val run = fixture("runs-api/run_requires_action.json")
    // Optional and nullable: absent, null and a value each come back as they were.
    val absent = roundTripJson[Run](remove(run, "temperature"), "run without temperature")
    assertEquals(Nullable.Absent, absent.temperature)
    assertEquals(None, absent.asJson.hcursor.downField("temperature").focus)
    assertEquals(Some(Json.Null), decode[Run](run).asJson.hcursor.downField("temperature").focus)
    // Required and nullable, lenient policy: absent reads as None and is written as null.
    val lenient = decode[Run](remove(run, "completed_at"))
    assertEquals(None, lenient.completedAt)
    assertEquals(run, lenient.asJson)
  }

  @Test def unknownEnumValuesAreKept(): Unit = {
    val run = roundTripJson[Run](set(fixture("runs-api/run_completed.json"), "status", Json.fromString("paused")), "run with a new status")
    assertEquals(RunStatus.Unknown("paused"), run.status)
    val union = decode[ToolChoice](Json.fromString("sometimes"))
    assertEquals(ToolChoice.Variant1.Unknown("sometimes"), union)
  }

  @Test def malformedPayloadsNameTheField(): Unit = {
    val run = fixture("runs-api/run_completed.json")
    assertMentions(failure[Run](set(run, "created_at", Json.fromString("yesterday"))), ".created_at")
    assertMentions(failure[Run](set(run, "created_at", Json.fromDoubleOrNull(1.5))), ".created_at")
    assertMentions(failure[Run](remove(run, "id")), "Missing required field", "id")
    assertMentions(failure[Run](set(run, "object", Json.fromString("thread.run.step"))), ".object", "thread.run")
    assertMentions(failure[Run](set(run, "tools.1.type", Json.Null)), ".tools[1].type", "expected a string tag, got null")
    assertMentions(failure[Run](set(run, "usage.total_tokens", Json.Null)), ".usage.total_tokens")
    assertMentions(failure[Run](set(run, "metadata.user", Json.fromInt(1))), ".metadata.user")
    val step = fixture("runs-api/run_step_tool_calls.json")
    assertMentions(failure[RunStep](remove(step, "step_details.type")), ".step_details.type", "Missing required field")
    assertMentions(failure[RunStep](remove(step, "step_details.tool_calls.1.function.name")), "Missing required field", "name")
    assertMentions(failure[RunStep](set(step, "step_details", Json.fromString("x"))), ".step_details")
    assertMentions(failure[RunStep](Json.arr()), "object")
  }

  @Test def unknownTagsAreKept(): Unit = {
    // Tagged unions are open by default: an object whose tag the spec does not list is kept whole.
    val webSearch = json("""{"type": "web_search", "web_search": {"max_results": 3}}""")
    val run = roundTripJson[Run](set(fixture("runs-api/run_completed.json"), "tools.1", webSearch), "run with a new tool")
    assertEquals(AssistantTool.Unknown(webSearch), run.tools(1))
    val step = roundTripJson[RunStep](set(fixture("runs-api/run_step_tool_calls.json"), "step_details.type", Json.fromString("web_search")), "step with new details")
    assertEquals(List("Unknown"), List(step.stepDetails.productPrefix))
  }

  @Test def failuresNameThePathAndShowTheValue(): Unit = {
    val run = fixture("runs-api/run_completed.json")
    // A wrong type: the path, what was expected, what came.
    assertEquals("DecodingFailure at .created_at: expected a 64-bit integer, got \"yesterday\"", failure[Run](set(run, "created_at", Json.fromString("yesterday"))))
    assertEquals("DecodingFailure at .usage.total_tokens: expected a 64-bit integer, got 1.5", failure[Run](set(run, "usage.total_tokens", Json.fromDoubleOrNull(1.5))))
    assertEquals("DecodingFailure at .tools[0]: expected an object, got [1,2]", failure[Run](set(run, "tools.0", Json.arr(Json.fromInt(1), Json.fromInt(2)))))
    assertEquals("DecodingFailure at .metadata.user: expected a string, got 1", failure[Run](set(run, "metadata.user", Json.fromInt(1))))
    // The offending value is cut to 80 characters.
    val long = "x" * 200
    val message = failure[Run](set(run, "created_at", Json.fromString(long)))
    assertEquals("DecodingFailure at .created_at: expected a 64-bit integer, got \"" + "x" * 76 + "...", message)
    val big = failure[Run](set(run, "created_at", run))
    assertEquals(80, big.substring(big.indexOf("got ") + 4).length)
    // A constant and an enum value checked by the decoder.
    assertEquals("DecodingFailure at .object: expected the constant \"thread.run\", got \"thread.run.step\"", failure[Run](set(run, "object", Json.fromString("thread.run.step"))))
  }

  @Test def caseClassesOverTwentyTwoFields(): Unit = {
    val run = Run(
      id = "run_1", createdAt = 1L, threadId = "t", assistantId = "a", status = RunStatus.Queued,
      requiredAction = None, lastError = None, expiresAt = None, startedAt = None, cancelledAt = None,
      failedAt = None, completedAt = None, incompleteDetails = None, model = "m", instructions = "",
      tools = Nil, metadata = None, usage = None, maxPromptTokens = None, maxCompletionTokens = None,
      truncationStrategy = None, toolChoice = ToolChoice.Variant1.NoneValue, parallelToolCalls = false,
      responseFormat = ResponseFormat.Auto,
    )
    assertEquals(27, run.productArity)
    val json = run.copy(temperature = Nullable.Present(0.5)).asJson
    assertEquals(26, json.asObject.map(_.size).getOrElse(0)) // top_p is absent
    assertEquals(run.copy(temperature = Nullable.Present(0.5)), decode[Run](json))
  }

  @Test def keywordsAndOddNames(): Unit = {
    val input = json("""{"type": "t", "end": "e", "self": "s", "fn": "f", "match": "m", "default": "d", "do": "x",
      "class": "c", "$ref": "r", "kebab-case": "k", "dotted.name": "n", "9lives": 9, "camelCase": "cc",
      "snake_case": "sc", "with space": true}""")
    val k = roundTripJson[Keywords](input, "keywords")
    assertEquals(("t", Some("e"), Some("m"), Some("c"), Some("r"), Some(9L), Some(true)), (k.`type`, k.`end`, k.`match`, k.`class`, k.ref, k.`9lives`, k.withSpace))
    assertEquals(List(OddEnum.Gpt4o, OddEnum.TextDavinci003, OddEnum.Empty, OddEnum.Value20240513, OddEnum.Plus1, OddEnum.Minus1, OddEnum.Self, OddEnum.Self2),
      List("gpt-4o", "text.davinci/003", "", "2024-05-13", "+1", "-1", "self", "Self").map(v => roundTripJson[OddEnum](Json.fromString(v), v)))
    assertEquals(List(SortOrder.Asc, SortOrder.Asc2), List("asc", "ASC").map(v => decode[SortOrder](Json.fromString(v))))
    assertEquals(OptionValue.NoneValue, decode[OptionValue](Json.fromString("none")))
  }

  @Test def mixedAndIntegerEnums(): Unit = {
    assertEquals(List(MixedEnum.Auto, MixedEnum.Value1, MixedEnum.True), List(Json.fromString("auto"), Json.fromInt(1), Json.True).map(v => roundTripJson[MixedEnum](v, v.noSpaces)))
    assertEquals(Priority.Value10, roundTripJson[Priority](Json.fromInt(10), "10"))
    assertEquals(Priority.Unknown(7L), roundTripJson[Priority](Json.fromInt(7), "7"))
  }

  @Test def openObjectsKeepExtraKeys(): Unit = {
    val bag = roundTripJson[Bag](json("""{"name": "b", "apples": 3, "pears": 5}"""), "bag")
    assertEquals(Map("apples" -> 3L, "pears" -> 5L), bag.additionalProperties)
    assertMentions(failure[Bag](json("""{"apples": "three"}""")), ".apples")
  }

  @Test def recursiveModels(): Unit = {
    val tree = roundTripJson[TreeNode](json("""{"value": "root", "children": [{"value": "a", "children": [{"value": "a1"}]}],
      "by_name": {"b": {"value": "b", "parent": {"value": "root"}}}}"""), "tree")
    assertEquals(List("a1"), tree.children.toList.flatten.flatMap(_.children.toList.flatten).map(_.value))
    val filter = roundTripJson[Filter](json("""{"type": "and", "filters": [{"type": "eq", "key": "k", "value": "v"},
      {"type": "or", "filters": [{"type": "gt", "key": "n", "value": 3}, {"type": "ne", "key": "b", "value": true}]}]}"""), "filter")
    assertEquals(List("Comparison", "Filter"), filter.filters.map(_.productPrefix))
    assertEquals(ExpandableRun.StringValue("run_1"), decode[ExpandableRun](Json.fromString("run_1")))
    assertEquals(Some("run_abc123"), Some(decode[ExpandableRun](fixture("runs-api/run_completed.json"))).collect { case ExpandableRun.Run(r) => r.id })
  }

  @Test def untaggedUnions(): Unit = {
    assertEquals(List("Circle", "Rectangle"), List("""{"radius": 1.5}""", """{"width": 2, "height": 3}""").map(s => roundTripJson[Shape](json(s), s).productPrefix))
    assertEquals(StringOrNumber.Number(1.5), roundTripJson[StringOrNumber](Json.fromDoubleOrNull(1.5), "1.5"))
    assertEquals(StringOrNumber.StringValue("x"), roundTripJson[StringOrNumber](Json.fromString("x"), "x"))
    assertMentions(failure[Shape](json("""{"side": 1}""")), "no variant of Shape matched", "radius")
    assertMentions(failure[ResponseFormat](Json.fromString("manual")), "no variant of ResponseFormat", "constant")
  }

  @Test def formats(): Unit = {
    val f = roundTripJson[Formats](json("""{"i32": 2147483647, "i64": 9223372036854775807, "u64": 18446744073709551615,
      "f64": 0.1, "when": "2024-05-13T10:00:00Z", "stamp": 4102444800, "custom": "#fff"}"""), "formats")
    assertEquals((Long.MaxValue, Some(BigInt("18446744073709551615"))), (f.i64, f.u64))
    assertMentions(failure[Formats](json("""{"i32": 2147483648, "i64": 1}""")), ".i32")
  }

  @Test def nullableReferences(): Unit = {
    val refs = roundTripJson[NullableRefs](json("""{"a": null, "b": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3},
      "c": null, "d": null, "e": null, "f": "x", "g": null}"""), "nullable refs")
    assertEquals((None, Some(NullableRefs.F.X), Nullable.Null), (refs.d, refs.f, refs.g))
    assertTrue(refs.b.isDefined)
  }
}

/** The same spec generated with `presence: strict`, `unknownEnumValues: reject` and `unknownUnionTags: reject` (package runsapi.strict). */
class RunsApiStrictTest {
  import runsapi.{strict as s}

  @Test def presentFieldsStillRoundTrip(): Unit = {
    roundTrip[s.Run]("runs-api/run_completed.json")
    roundTrip[s.RunStep]("runs-api/run_step_tool_calls.json")
  }

  @Test def absentRequiredNullableIsRejected(): Unit =
    assertMentions(failure[s.Run](remove(fixture("runs-api/run_completed.json"), "expires_at")), "Missing required field", "expires_at")

  @Test def unknownEnumValuesAreRejected(): Unit = {
    assertEquals(
      "DecodingFailure at .status: expected a value of RunStatus (one of: queued, in_progress, requires_action, cancelling, cancelled, failed, completed, incomplete, expired), got \"paused\"",
      failure[s.Run](set(fixture("runs-api/run_completed.json"), "status", Json.fromString("paused"))),
    )
    assertEquals(s.ToolChoice.Variant1.Required, decode[s.ToolChoice](Json.fromString("required")))
    assertMentions(failure[s.ToolChoice](Json.fromString("sometimes")), "no variant of ToolChoice", "sometimes")
  }

  @Test def unknownTagsAreRejected(): Unit = {
    val run = fixture("runs-api/run_completed.json")
    assertEquals(
      "DecodingFailure at .tools[1].type: expected a type of AssistantTool (one of: code_interpreter, file_search, function), got \"web_search\"",
      failure[s.Run](set(run, "tools.1.type", Json.fromString("web_search"))),
    )
    assertMentions(failure[s.RunStep](set(fixture("runs-api/run_step_tool_calls.json"), "step_details.type", Json.fromString("web_search"))), ".step_details.type", "web_search", "message_creation")
  }
}

/** The same spec generated with `presence: tolerant` (package runsapi.tolerant): every field may be absent or null. */
class RunsApiTolerantTest {
  import runsapi.{tolerant as t}

  @Test def completePayloadsRoundTrip(): Unit = {
    val run = roundTrip[t.Run]("runs-api/run_completed.json")
    assertEquals((Some("run_abc123"), Some(t.RunStatus.Completed)), (run.id, run.status))
    roundTrip[t.RunStep]("runs-api/run_step_tool_calls.json")
  }

  @Test def missingAndNullFieldsDecode(): Unit = {
    val input = fixture("runs-api/run_completed.json")
    // A required field left out reads as None and stays out when written.
    val noId = roundTripJson[t.Run](remove(remove(input, "id"), "tools"), "run without id and tools")
    assertEquals((None, None), (noId.id, noId.tools))
    // A required field sent as null reads as None (its null is not kept: the spec does not allow it).
    val nullModel = decode[t.Run](set(input, "model", Json.Null))
    assertEquals(None, nullModel.model)
    assertEquals(None, nullModel.asJson.hcursor.downField("model").focus)
    // Deep inside: a tool call without its function's name.
    val step = decode[t.RunStep](remove(fixture("runs-api/run_step_tool_calls.json"), "step_details.tool_calls.1.function.name"))
    assertEquals("ToolCalls", step.stepDetails.map(_.productPrefix).getOrElse(""))
    // An empty object is a Run with nothing in it but the required nullable fields, written as null.
    val empty = decode[t.Run](json("{}"))
    assertEquals((None, None, None), (empty.id, empty.`object`, empty.completedAt))
    assertEquals(List("cancelled_at", "completed_at", "expires_at", "failed_at", "incomplete_details", "last_error", "max_completion_tokens", "max_prompt_tokens", "metadata", "required_action", "started_at", "truncation_strategy", "usage"),
      empty.asJson.asObject.toList.flatMap(_.toList).filter(_._2.isNull).map(_._1).sorted)
    assertEquals(13, empty.asJson.asObject.map(_.size).getOrElse(0))
  }

  @Test def literalsTypesAndTagsAreStillChecked(): Unit = {
    val input = fixture("runs-api/run_completed.json")
    assertMentions(failure[t.Run](set(input, "object", Json.fromString("thread.run.step"))), ".object", "the constant \"thread.run\"")
    assertMentions(failure[t.Run](set(input, "created_at", Json.fromString("yesterday"))), ".created_at", "expected a 64-bit integer, got \"yesterday\"")
    assertMentions(failure[t.Run](remove(input, "tools.1.type")), ".tools[1].type", "Missing required field")
    assertMentions(failure[t.Run](Json.arr()), "expected an object")
  }

  @Test def encodingOmitsAbsentFields(): Unit = {
    val run = t.Run(id = Some("run_1"), createdAt = None, threadId = None, assistantId = None, status = None, requiredAction = None,
      lastError = None, expiresAt = None, startedAt = None, cancelledAt = None, failedAt = None, completedAt = None,
      incompleteDetails = None, model = None, instructions = None, tools = None, metadata = None, usage = None,
      maxPromptTokens = None, maxCompletionTokens = None, truncationStrategy = None, toolChoice = None,
      parallelToolCalls = None, responseFormat = None)
    val written = run.asJson
    // Required nullable fields are written as null; the others are left out when None.
    assertEquals(Some(Json.fromString("run_1")), written.hcursor.downField("id").focus)
    assertEquals(None, written.hcursor.downField("created_at").focus)
    assertEquals(Some(Json.Null), written.hcursor.downField("completed_at").focus)
    assertEquals(Some(Json.fromString("thread.run")), written.hcursor.downField("object").focus)
  }
}
