// Typed sample payloads for OpenAI's RunObject and RunStepObject (2026-08-21), compiled by
// test/compile/typescript.test.ts beside the generated models.
import type { RunObject, RunStepObject } from "./index.js";

export const run = {
  id: "run_abc123",
  object: "thread.run",
  created_at: 1698107661,
  assistant_id: "asst_abc123",
  thread_id: "thread_abc123",
  status: "completed",
  started_at: 1699073476,
  expires_at: null,
  cancelled_at: null,
  failed_at: null,
  completed_at: 1699073498,
  last_error: null,
  model: "gpt-4o",
  instructions: "",
  tools: [{ type: "file_search" }, { type: "code_interpreter" }],
  metadata: {},
  incomplete_details: null,
  usage: { prompt_tokens: 123, completion_tokens: 456, total_tokens: 579 },
  temperature: 1.0,
  top_p: 1.0,
  max_prompt_tokens: 1000,
  max_completion_tokens: 1000,
  truncation_strategy: { type: "auto", last_messages: null },
  response_format: "auto",
  tool_choice: "auto",
  parallel_tool_calls: true,
  required_action: null,
} satisfies RunObject;

export const step = {
  id: "step_abc123",
  object: "thread.run.step",
  created_at: 1699063291,
  run_id: "run_abc123",
  assistant_id: "asst_abc123",
  thread_id: "thread_abc123",
  type: "message_creation",
  status: "completed",
  cancelled_at: null,
  completed_at: 1699063291,
  expired_at: null,
  failed_at: null,
  last_error: null,
  step_details: { type: "message_creation", message_creation: { message_id: "msg_abc123" } },
  usage: { prompt_tokens: 123, completion_tokens: 456, total_tokens: 579 },
  metadata: null,
} satisfies RunStepObject;

export const wrongEnum = {
  ...run,
  // @ts-expect-error -- "paused" is not a run status
  status: "paused",
} satisfies RunObject;

// @ts-expect-error -- `thread_id` is required
export const missingField: RunObject = (({ thread_id: _omitted, ...rest }) => rest)(run);
