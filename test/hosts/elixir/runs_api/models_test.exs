# The other constructs of spec/openapi.yaml: awkward names, enums of every kind, unions,
# recursion, open objects, null idioms, aliases.
defmodule RunsApi.ModelsTest do
  use ExUnit.Case, async: true
  import ModelgenHost.JSON

  test "keywords and non-identifiers are struct keys named as on the wire" do
    json = %{
      "type" => "t",
      "end" => "e",
      "self" => "s",
      "fn" => "f",
      "do" => "d",
      "$ref" => "#/x",
      "kebab-case" => "k",
      "dotted.name" => "dn",
      "9lives" => 9,
      "camelCase" => "c",
      "with space" => true
    }

    assert {:ok, %RunsApi.Keywords{} = k} = RunsApi.Keywords.from_json(json)

    assert %RunsApi.Keywords{
             type: "t",
             end: "e",
             fn: "f",
             do: "d",
             "dotted.name": "dn",
             "9lives": 9
           } = k

    assert Map.fetch!(k, :"kebab-case") == "k"
    assert Map.fetch!(k, :"$ref") == "#/x"
    assert Map.fetch!(k, :"with space") == true
    assert k.match == nil
    assert RunsApi.Keywords.to_json(k) === json
  end

  test "enum values that are not identifiers are quoted atoms" do
    wire = [
      "gpt-4o",
      "text.davinci/003",
      "with space",
      "",
      "2024-05-13",
      "+1",
      "-1",
      "end",
      "self",
      "Self"
    ]

    atoms = [
      :"gpt-4o",
      :"text.davinci/003",
      :"with space",
      :"",
      :"2024-05-13",
      :"+1",
      :"-1",
      :end,
      :self,
      :Self
    ]

    assert RunsApi.OddEnum.values() == atoms

    for {w, a} <- Enum.zip(wire, atoms) do
      assert RunsApi.OddEnum.from_json(w) == {:ok, a}
      assert RunsApi.OddEnum.to_json(a) == w
    end

    # Open enums keep an unlisted value as its string and write it back; an unlisted atom is
    # still an error, and closed enums (`openEnums: false`) reject the value.
    assert RunsApi.OddEnum.from_json("gpt-5") == {:ok, "gpt-5"}
    assert RunsApi.OddEnum.to_json("gpt-5") == "gpt-5"
    assert_raise ArgumentError, fn -> RunsApi.OddEnum.to_json(:"gpt-5") end
    assert RunsApi.OddEnum.from_json(5) == {:error, {:invalid_enum, [], 5}}
    assert RunsApi.Closed.OddEnum.from_json("gpt-5") == {:error, {:invalid_enum, [], "gpt-5"}}
    assert_raise ArgumentError, fn -> RunsApi.Closed.OddEnum.to_json("gpt-5") end
  end

  test "values that differ only in case are different atoms" do
    assert RunsApi.SortOrder.values() == [:asc, :ASC, :desc, :DESC]
    assert RunsApi.SortOrder.from_json("ASC") == {:ok, :ASC}
    assert RunsApi.SortOrder.to_json(:desc) == "desc"
  end

  test "integer and mixed enums keep their JSON values" do
    assert RunsApi.Priority.from_json(10) == {:ok, 10}
    # an integer enum keeps an unlisted integer, never a float or a string
    assert RunsApi.Priority.from_json(4) == {:ok, 4}
    assert RunsApi.Priority.to_json(4) == 4
    assert RunsApi.Priority.from_json(1.0) == {:error, {:invalid_enum, [], 1.0}}
    assert RunsApi.Priority.from_json("4") == {:error, {:invalid_enum, [], "4"}}
    assert RunsApi.Closed.Priority.from_json(4) == {:error, {:invalid_enum, [], 4}}
    assert RunsApi.MixedEnum.from_json("auto") == {:ok, :auto}
    assert RunsApi.MixedEnum.from_json(1) == {:ok, 1}
    assert RunsApi.MixedEnum.from_json(true) == {:ok, true}

    # a mixed enum keeps a value of each JSON type among its values (here strings, numbers, booleans)
    assert RunsApi.MixedEnum.from_json("true") == {:ok, "true"}
    assert RunsApi.MixedEnum.from_json(2.5) == {:ok, 2.5}
    assert RunsApi.MixedEnum.from_json([]) == {:error, {:invalid_enum, [], []}}
    assert RunsApi.Closed.MixedEnum.from_json("true") == {:error, {:invalid_enum, [], "true"}}
    assert RunsApi.MixedEnum.to_json(:auto) == "auto"
    # `enum: [auto, 1, true, null]`: the null belongs to the fields that use the enum, so the
    # enum's own type is its values.
    assert RunsApi.MixedEnum.from_json(nil) == {:error, {:invalid_enum, [], nil}}
    assert_raise ArgumentError, fn -> RunsApi.MixedEnum.to_json(nil) end
  end

  test "untagged unions take the first variant that decodes" do
    assert RunsApi.StringOrNumber.from_json("x") == {:ok, "x"}
    assert RunsApi.StringOrNumber.from_json(2.5) == {:ok, 2.5}
    assert {:error, {:no_matching_variant, [], [_, _]}} = RunsApi.StringOrNumber.from_json(true)

    assert {:ok, %RunsApi.Shape.Circle{radius: 2}} = RunsApi.Shape.from_json(%{"radius" => 2})

    assert {:ok, %RunsApi.Shape.Rectangle{width: 1, height: 2.0}} =
             RunsApi.Shape.from_json(%{"width" => 1, "height" => 2.0})

    assert RunsApi.Shape.to_json(%RunsApi.Shape.Rectangle{width: 1, height: 2}) == %{
             "width" => 1,
             "height" => 2
           }

    assert RunsApi.Comparison.Value.from_json(false) == {:ok, false}

    assert RunsApi.ExpandableRun.from_json("run_1") == {:ok, "run_1"}
    run = fixture!("run_completed.json")
    assert {:ok, %RunsApi.Run{id: "run_abc123"}} = RunsApi.ExpandableRun.from_json(run)
    assert round_trip!(RunsApi.ExpandableRun, run) === run
  end

  test "recursion through fields, lists, maps and a union" do
    json = %{
      "value" => "root",
      "parent" => %{"value" => "up"},
      "children" => [%{"value" => "a", "children" => []}],
      "by_name" => %{"b" => %{"value" => "b"}}
    }

    assert {:ok,
            %RunsApi.TreeNode{
              parent: %RunsApi.TreeNode{value: "up"},
              children: [%RunsApi.TreeNode{value: "a"}]
            } = tree} = RunsApi.TreeNode.from_json(json)

    assert %{"b" => %RunsApi.TreeNode{value: "b", parent: nil}} = tree.by_name
    assert round_trip!(RunsApi.TreeNode, json) === json

    filter = %{
      "type" => "and",
      "filters" => [
        %{"type" => "eq", "key" => "k", "value" => 1},
        %{"type" => "or", "filters" => [%{"type" => "ne", "key" => "j", "value" => "x"}]}
      ]
    }

    assert {:ok,
            %RunsApi.Filter{
              type: :and,
              filters: [%RunsApi.Comparison{type: :eq}, %RunsApi.Filter{type: :or}]
            }} = RunsApi.Filter.from_json(filter)

    assert round_trip!(RunsApi.Filter, filter) === filter
  end

  test "extra keys of an open object are kept under :additional_properties" do
    json = %{"name" => "bag", "apples" => 3, "pears" => 4}
    assert {:ok, bag} = RunsApi.Bag.from_json(json)
    assert bag == %RunsApi.Bag{name: "bag", additional_properties: %{"apples" => 3, "pears" => 4}}
    assert RunsApi.Bag.to_json(bag) === json

    assert RunsApi.Bag.from_json(%{"apples" => "three"}) ==
             {:error, {:invalid_type, ["apples"], "integer", "three"}}
  end

  test "undeclared keys of other objects are ignored" do
    json = fixture!("run_step_message.json")
    assert {:ok, step} = RunsApi.RunStep.from_json(Map.put(json, "brand_new_field", [1, 2]))
    assert RunsApi.RunStep.to_json(step) === json
  end

  test "every null idiom on a reference reads null as nil" do
    usage = %{"prompt_tokens" => 1, "completion_tokens" => 2, "total_tokens" => 3}
    json = %{"a" => nil, "b" => usage, "c" => nil, "d" => nil, "e" => nil, "f" => nil, "g" => nil}
    assert {:ok, refs} = RunsApi.NullableRefs.from_json(json)

    assert %RunsApi.NullableRefs{
             a: nil,
             b: %RunsApi.Usage{total_tokens: 3},
             d: nil,
             e: nil,
             f: nil,
             g: nil
           } = refs

    assert RunsApi.NullableRefs.to_json(refs) === json

    assert {:ok, %{f: :x, e: ["s"]}} =
             RunsApi.NullableRefs.from_json(%{json | "f" => "x", "e" => ["s"]})

    assert {:ok, %{f: "z"}} = RunsApi.NullableRefs.from_json(%{json | "f" => "z"})

    assert RunsApi.Closed.NullableRefs.from_json(%{json | "f" => "z"}) ==
             {:error, {:invalid_enum, ["f"], "z"}}
  end

  test "an allOf merge requires what the merged member requires" do
    assert {:ok, %RunsApi.Cursor{limit: 20, next: nil, order: :desc}} =
             RunsApi.Cursor.from_json(%{"limit" => 20, "next" => nil, "order" => "desc"})

    assert RunsApi.Cursor.from_json(%{"next" => nil}) == {:error, {:missing_field, ["limit"]}}
  end

  test "formats keep their JSON representation" do
    json = %{
      "i32" => 1,
      "i64" => 9_007_199_254_740_993,
      "u64" => 18_446_744_073_709_551_615,
      "f32" => 1.5,
      "f64" => 2,
      "when" => "2024-05-13T10:00:00Z",
      "day" => "2024-05-13",
      "uid" => "00000000-0000-0000-0000-000000000000",
      "stamp" => 1_699_063_291
    }

    assert {:ok, %RunsApi.Formats{i64: 9_007_199_254_740_993, u64: 18_446_744_073_709_551_615}} =
             RunsApi.Formats.from_json(json)

    assert round_trip!(RunsApi.Formats, json) === json
  end

  test "aliases, free-form values and a model named String" do
    assert RunsApi.Tags.from_json(["a", "b"]) == {:ok, ["a", "b"]}
    assert RunsApi.Tags.from_json(["a", 1]) == {:error, {:invalid_type, [1], "string", 1}}
    assert RunsApi.Anything.from_json([1, %{"x" => nil}]) == {:ok, [1, %{"x" => nil}]}
    assert RunsApi.FreeForm.from_json(%{"x" => [true]}) == {:ok, %{"x" => [true]}}
    # Nullable aliases name the value; the fields that use them take nil (run_test.exs).
    assert RunsApi.Metadata.from_json(%{"k" => "v"}) == {:ok, %{"k" => "v"}}
    assert RunsApi.Metadata.from_json(nil) == {:error, {:invalid_type, [], "object", nil}}
    assert {:error, {:invalid_type, [], _, nil}} = RunsApi.RunStepUsage.from_json(nil)
    assert {:ok, %RunsApi.String{value: "v"}} = RunsApi.String.from_json(%{"value" => "v"})
    assert RunsApi.Option.values() == [:some, :none]

    error = %{"code" => nil, "message" => "m", "param" => nil, "type" => "invalid_request_error"}
    assert {:ok, %RunsApi.ErrorBody{message: "m"}} = RunsApi.SharedError.from_json(error)

    assert {:ok, %RunsApi.ApiV1Account{sid: "AC1"}} =
             RunsApi.ApiV1Account.from_json(%{"sid" => "AC1"})
  end

  test "the root module lists every model" do
    assert RunsApi.Run in RunsApi.models()
    assert RunsApi.Run.LastError in RunsApi.models()
    assert RunsApi.models() == Enum.sort(RunsApi.models())

    for module <- RunsApi.models() do
      assert {:module, ^module} = Code.ensure_loaded(module)
      assert function_exported?(module, :from_json, 1) and function_exported?(module, :to_json, 2)
    end
  end
end
