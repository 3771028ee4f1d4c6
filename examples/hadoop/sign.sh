#!/bin/sh
# Hadoop Streaming mapper: sign one whole shard file with scdedup's staged
# form.  The shard number comes from the file name (shard-0000.jsonl is
# shard 1), as scsplit -C -o shard- wrote it; the sketch file goes to
# SC_SHARED, storage every task sees (-cmdenv SC_SHARED=/mnt/shared).
set -e
f=${mapreduce_map_input_file:?not run by Hadoop Streaming}
n=${f##*shard-}
n=$(expr "${n%%.*}" + 1)
exec scdedup --stage=sign --shard="$n" --sketches="${SC_SHARED:-/shared}/sk.$n"
