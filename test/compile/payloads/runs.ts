// Typed sample payloads for the spec/ models, checked by `npm run typecheck` against the committed
// generated/typescript. A wrong enum value or a missing required field must not compile.
import type { Run, RunStep } from "../../../generated/typescript/index.js";

export const run = {
  id: "run_abc123",
  object: "thread.run",
  created_at: 1698107661,
  thread_id: "thread_abc123",
  assistant_id: "asst_abc123",
  status: "requires_action",
  required_action: {
    type: "submit_tool_outputs",
    submit_tool_outputs: { tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: "{}" } }] },
  },
  last_error: null,
  expires_at: 1698108261,
  started_at: 1698107662,
  cancelled_at: null,
  failed_at: null,
  completed_at: null,
  incomplete_details: null,
  model: "gpt-4o",
  instructions: "Be brief.",
  tools: [{ type: "code_interpreter" }, { type: "function", function: { name: "get_weather", strict: null } }],
  metadata: { team: "runs" },
  usage: null,
  temperature: 1,
  max_prompt_tokens: 1000,
  max_completion_tokens: null,
  truncation_strategy: { type: "auto", last_messages: null },
  tool_choice: "auto",
  parallel_tool_calls: true,
  response_format: { type: "json_schema", json_schema: { name: "answer", schema: { type: "object" } } },
} satisfies Run;

export const step = {
  id: "step_abc123",
  object: "thread.run.step",
  created_at: 1699063291,
  run_id: "run_abc123",
  type: "tool_calls",
  status: "completed",
  step_details: {
    type: "tool_calls",
    tool_calls: [
      { id: "call_1", type: "code_interpreter", code_interpreter: { input: "1+1", outputs: [{ type: "logs", logs: "2" }] } },
      { id: "call_2", type: "function", function: { name: "f", arguments: "{}", output: null } },
    ],
  },
  last_error: null,
  expired_at: null,
  cancelled_at: null,
  failed_at: null,
  completed_at: 1699063300,
  metadata: null,
  usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
} satisfies RunStep;

export const wrongEnum = {
  ...step,
  // @ts-expect-error -- "paused" is not a run step status
  status: "paused",
} satisfies RunStep;

// @ts-expect-error -- `thread_id` is required
export const missingField: Run = (({ thread_id: _omitted, ...rest }) => rest)(run);

export const wrongTag = {
  ...step,
  step_details: {
    type: "message_creation",
    // @ts-expect-error -- the tag selects the variant: message_creation has no tool_calls
    tool_calls: [],
  },
} satisfies RunStep;
