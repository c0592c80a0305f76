#!/usr/bin/env bash
# IvpSim: builds on first use (and after source changes), then runs the command line.
# ./run-sim.sh            runs every scenario in scenarios/ and writes the results to out/
# ./run-sim.sh --help     lists the commands and options
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dll="$here/src/IvpSim.Cli/bin/Release/net10.0/ivpsim.dll"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "fout: de .NET 10 SDK (dotnet) is niet gevonden; installeer die eerst" >&2
  exit 2
fi

needs_build() {
  [ ! -f "$dll" ] && return 0
  [ -n "$(find "$here/src" "$here/Directory.Build.props" "$here/Directory.Packages.props" \
      \( -name '*.cs' -o -name '*.razor' -o -name '*.csproj' -o -name '*.props' \) -newer "$dll" -print -quit)" ]
}

if needs_build; then
  echo "IvpSim bouwen (eenmalig, ~1 minuut) …" >&2
  if ! dotnet build "$here/src/IvpSim.Cli/IvpSim.Cli.csproj" -c Release -nologo -v quiet >"$here/.build.log" 2>&1; then
    cat "$here/.build.log" >&2
    echo "fout: bouwen mislukt (zie hierboven)" >&2
    exit 1
  fi
  touch "$dll"
fi

export IVPSIM_HOME="$here"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet "$dll" "$@"
