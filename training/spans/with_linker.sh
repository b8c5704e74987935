#!/bin/sh
# `skillgraph` with `--linker $LINKER` (default hybrid) added to `extract` only, for the shared eval tools
# whose --extra also goes to `ontology lookup` (which has no --linker):
#   LINKER=hybrid python ../shared/tools/eval_gold.py --cmd training/spans/with_linker.sh
if [ "$1" = extract ]; then
    shift
    exec skillgraph extract "$@" --linker "${LINKER:-hybrid}"
fi
exec skillgraph "$@"
