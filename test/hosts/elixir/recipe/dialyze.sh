#!/usr/bin/env bash
# dialyzer -Wunknown over compiled beams with a small PLT (built once per OTP/Elixir build, ~6 s CPU).
# usage: dialyze.sh EBIN_DIR...      exit 0 = clean, 2 = warnings (e.g. an unknown remote type), 1 = error
# Example: MIX_BUILD_ROOT=/tmp/b mix compile && ./dialyze.sh /tmp/b/dev/lib/modelgen_elixir_check/ebin
set -euo pipefail
(($#)) || { echo "usage: $0 EBIN_DIR..." >&2; exit 64; }
# Dialyzer must load Elixir's own beams to read Elixir debug info (else: {undef,[{elixir_erl,debug_info,...).
E=$(elixir -e 'IO.puts(:code.lib_dir(:elixir, :ebin))')
ver=$(elixir -e 'IO.puts("otp#{:erlang.system_info(:otp_release)}-erts#{:erlang.system_info(:version)}-elixir#{System.version()}")')
plt_dir=${MODELGEN_PLT_DIR:-/tmp/modelgen-plt}
plt="$plt_dir/small2-$ver.plt"
if [[ ! -s "$plt" ]]; then
  mkdir -p "$plt_dir"
  # erts + the few stdlib/Elixir modules that structs (__struct__/1) and typical codec code call:
  # ~6 s CPU, 200 KB, versus ~55 s for `--apps erts kernel stdlib` and ~88 s for all of Elixir.
  # Add more with DIALYZER_PLT_EXTRA="/path/a.beam /path/b.beam" (then delete the cached PLT).
  S=$(elixir -e 'IO.puts(:code.lib_dir(:stdlib, :ebin))')
  beams=()
  for m in Kernel String Enum List Map Keyword String.Chars Integer Float Atom Access \
           ArgumentError KeyError Tuple MapSet Enumerable Collectable Inspect Protocol; do
    beams+=("$E/Elixir.$m.beam")
  done
  for m in maps lists proplists unicode binary; do beams+=("$S/$m.beam"); done
  # shellcheck disable=SC2206
  beams+=(${DIALYZER_PLT_EXTRA:-})
  dialyzer -pa "$E" --build_plt --output_plt "$plt.tmp" --apps erts "${beams[@]}" >&2
  mv "$plt.tmp" "$plt"
fi
# -Wunknown is essential: without it, unknown types/functions are printed but the exit code is 0.
exec dialyzer -pa "$E" --plt "$plt" --no_check_plt -Wunknown "$@"
