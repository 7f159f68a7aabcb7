# Compiles each set's .ex files on its own, in one VM (a compile error in one set must not hide
# the others, and `elixirc` stops at the first). Warnings count as errors, as with
# `elixirc --warnings-as-errors`. Writes <results>/<set>.txt: "ok", or one diagnostic per block.
# Usage: elixir elixir-driver.exs <results dir> <ebin dir> <set dir>...
[results, ebin | dirs] = System.argv()

text = fn message -> message |> IO.iodata_to_binary() |> String.trim() end
show = fn {file, line, message} -> "#{Path.relative_to_cwd(file)}:#{inspect(line)}: #{text.(message)}" end

for dir <- dirs do
  name = Path.basename(dir)
  files = dir |> Path.join("**/*.ex") |> Path.wildcard() |> Enum.sort()
  out = Path.join(ebin, name)
  File.mkdir_p!(out)

  diagnostics =
    try do
      case Kernel.ParallelCompiler.compile_to_path(files, out) do
        {:ok, _modules, warnings} -> Enum.map(warnings, &("warning: " <> show.(&1)))
        {:error, errors, warnings} -> Enum.map(errors, &("error: " <> show.(&1))) ++ Enum.map(warnings, &("warning: " <> show.(&1)))
      end
    rescue
      e -> ["error: " <> Exception.format(:error, e, __STACKTRACE__)]
    end

  body = if diagnostics == [], do: "ok", else: Enum.join(diagnostics, "\n\n")
  File.write!(Path.join(results, name <> ".txt"), body)
end
