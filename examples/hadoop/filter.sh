#!/bin/sh
# Hadoop Streaming mapper (map-only job): one whole shard file in, its
# records without their duplicates out; dups.tsv is the cluster job's
# output, shipped to every task with -files.
set -e
f=${mapreduce_map_input_file:?not run by Hadoop Streaming}
n=${f##*shard-}
n=$(expr "${n%%.*}" + 1)
exec scdedup --stage=filter --shard="$n" --dups=dups.tsv
