#!/bin/sh
# Hadoop Streaming reducer (one reducer): the sorted candidate pairs in,
# one line per duplicate out, reading every shard's sketch file.
exec scdedup --stage=cluster "${SC_SHARED:-/shared}"/sk.*
