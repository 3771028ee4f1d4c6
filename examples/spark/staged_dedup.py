"""sctools on Spark: the per-document tools through RDD.pipe, and
scdedup's staged near-duplicate removal (sign per partition, sort, pairs,
sort, cluster, filter per partition).

    spark-submit staged_dedup.py hdfs:///corpus/shards /mnt/shared hdfs:///corpus/clean

The input is JSON Lines with ids (scsplit gives them), read so that
partition i holds the i-th piece of the corpus in order (for example the
files scsplit -C wrote, one partition each); "first" means the lowest
(partition, position), as in one scdedup over the whole corpus.  SHARED
is a directory every executor sees (NFS, a FUSE mount of the object
store): the sketch files and dups.tsv live there.  The scd* programs must
be on every executor's PATH.

The commands are the ones tests/cli/scdedup/spark-recipe.sh runs.
"""

import subprocess
import sys
import tempfile

# Per-document work: one process per partition, through RDD.pipe.  PySpark
# splits the string with shlex and runs no shell, so a pipeline needs sh -c.
CLEAN = "sh -c 'scmeta -g page | scstrip | scmeta -g text'"
SIGN = 'scdedup --stage=sign --shard={shard} --sketches={shared}/sk.{shard}'
PAIRS = 'scdedup --stage=pairs'
CLUSTER = "sh -c 'scdedup --stage=cluster {shared}/sk.*'"
FILTER = 'scdedup --stage=filter --shard={shard} --dups={shared}/dups.tsv'


def through(cmd, lines):
    """Run cmd (a shell command) over lines; return its output lines.  The
    input is spooled to a temporary file, so no pipe can deadlock."""
    with tempfile.TemporaryFile() as t:
        for line in lines:
            t.write(line.encode('utf-8') + b'\n')
        t.seek(0)
        out = subprocess.run(cmd, shell=True, stdin=t, stdout=subprocess.PIPE, check=True).stdout
    return out.decode('utf-8').splitlines()


def per_shard(cmd, shared):
    """A function for mapPartitionsWithIndex: cmd with the partition's
    shard number (index + 1) filled in."""
    def run(index, lines):
        return through(cmd.format(shard=index + 1, shared=shared), lines)
    return run


def byte_order(line):
    # LC_ALL=C sort: byte order of the UTF-8 line (code point order).
    return line.encode('utf-8')


def staged_dedup(docs, shared):
    """docs: an RDD of JSON lines.  Returns the RDD of the kept lines,
    partition by partition in order, and writes SHARED/dups.tsv."""
    sig = docs.mapPartitionsWithIndex(per_shard(SIGN, shared))
    # The key lines carry a "#P" line that must reach the pairs stage
    # first: one sorted partition (the stage is a linear merge).
    pairs = sig.sortBy(byte_order, numPartitions=1).pipe(PAIRS)
    dups = pairs.sortBy(byte_order, numPartitions=1).pipe(CLUSTER.format(shared=shared)).collect()
    with open(shared + '/dups.tsv', 'w', encoding='utf-8') as f:
        f.writelines(line + '\n' for line in dups)
    return docs.mapPartitionsWithIndex(per_shard(FILTER, shared))


def main():
    from pyspark import SparkContext
    src, shared, dst = sys.argv[1:4]
    sc = SparkContext(appName='sctools')
    docs = sc.textFile(src).pipe(CLEAN)
    docs.cache()
    staged_dedup(docs, shared).saveAsTextFile(dst)


if __name__ == '__main__':
    main()
