#!/usr/bin/env bash
# dialyzer -Wunknown over compiled beams with a small PLT (built once per OTP/Elixir build, ~5 s CPU).
# usage: dialyze.sh EBIN_DIR...      exit 0 = clean, 2 = warnings (e.g. an unknown remote type), 1 = error
# Example: MIX_BUILD_ROOT=/tmp/b mix compile && ./dialyze.sh /tmp/b/dev/lib/modelgen_elixir_check/ebin
set -euo pipefail
(($#)) || { echo "usage: $0 EBIN_DIR..." >&2; exit 64; }
# Dialyzer must load Elixir's own beams to read Elixir debug info (else: {undef,[{elixir_erl,debug_info,...).
E=$(elixir -e 'IO.puts(:code.lib_dir(:elixir, :ebin))')
ver=$(elixir -e 'IO.puts("otp#{:erlang.system_info(:otp_release)}-erts#{:erlang.system_info(:version)}-elixir#{System.version()}")')
plt_dir=${MODELGEN_PLT_DIR:-/tmp/modelgen-plt}
plt="$plt_dir/small-$ver.plt"
if [[ ! -s "$plt" ]]; then
  mkdir -p "$plt_dir"
  # erts + the Elixir modules that a struct's generated __struct__/1 calls: enough for
  # defstruct + @type modules to pass -Wunknown without a full (88 s) Elixir PLT.
  dialyzer -pa "$E" --build_plt --output_plt "$plt.tmp" --apps erts \
    "$E/Elixir.String.beam" "$E/Elixir.Enum.beam" "$E/Elixir.Kernel.beam" \
    "$E/Elixir.List.beam" "$E/Elixir.ArgumentError.beam" "$E/Elixir.KeyError.beam" >&2
  mv "$plt.tmp" "$plt"
fi
# -Wunknown is essential: without it, unknown types/functions are printed but the exit code is 0.
exec dialyzer -pa "$E" --plt "$plt" --no_check_plt -Wunknown "$@"
