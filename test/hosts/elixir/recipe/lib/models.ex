# Hand-written stand-in for generated models.
defmodule ModelgenCheck.Components.MessageCreation do
  @moduledoc false
  @enforce_keys [:message_id]
  defstruct [:message_id]

  @type t :: %__MODULE__{message_id: String.t()}
end

defmodule ModelgenCheck.Components.RunStepObject do
  @moduledoc """
  Represents a step in execution of a run.
  """
  @enforce_keys [:id, :object, :created_at, :type, :status, :step_details]
  defstruct [
    :id,
    :object,
    :created_at,
    :type,
    :status,
    :step_details,
    :cancelled_at,
    :completed_at,
    :metadata,
    tags: []
  ]

  @typedoc "Wire values of `status`."
  @type status :: :in_progress | :cancelled | :failed | :completed | :expired

  @type t :: %__MODULE__{
          id: String.t(),
          object: :"thread.run.step",
          created_at: integer(),
          type: :message_creation | :tool_calls,
          status: status(),
          step_details: ModelgenCheck.Components.StepDetails.t(),
          cancelled_at: integer() | nil,
          completed_at: integer() | nil,
          metadata: %{optional(String.t()) => String.t()} | nil,
          tags: [String.t()]
        }
end

defmodule ModelgenCheck.Components.StepDetails do
  @moduledoc "Tagged union (discriminator `type`)."
  @type t ::
          %{
            type: :message_creation,
            message_creation: ModelgenCheck.Components.MessageCreation.t()
          }
          | %{type: :tool_calls, tool_calls: [map()]}
end

defmodule ModelgenCheck.Components.Filter do
  @moduledoc "Recursive type."
  @enforce_keys [:key]
  defstruct [:key, :not, any: []]

  @type t :: %__MODULE__{key: String.t(), not: t() | nil, any: [t()]}
end
