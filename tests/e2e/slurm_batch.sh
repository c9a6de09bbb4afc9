#!/usr/bin/env bash
# The Slurm recipe of docs/batch.md, run for real on a single-node cluster started here: a 4-task job array, each
# task `paralign batch --shard K/4`, then `paralign tmx merge --by-symbol`; the result must equal a single-machine
# run byte for byte. Optional: skipped (exit 77) where Slurm or munge is not installed or we are not root (the
# daemons run as root). Starts munged, slurmctld and slurmd under a scratch folder and stops exactly those.
# usage: tests/e2e/slurm_batch.sh BUILD_DIR
set -euo pipefail
build=${1:?usage: slurm_batch.sh BUILD_DIR}
cd "$(dirname "$0")/../.."
[ -x "$build/paralign" ] || { echo "no $build/paralign: skipped"; exit 77; }
for tool in slurmctld slurmd sbatch squeue sinfo munged mungekey python3; do
  command -v $tool >/dev/null || { echo "$tool is not installed (apt-get install slurm-wlm munge): skipped"; exit 77; }
done
[ "$(id -u)" = 0 ] || { echo "not root: the test's slurmctld/slurmd must run as root: skipped"; exit 77; }
paralign=$(cd "$build" && pwd)/paralign
repo=$(pwd)
S=$(mktemp -d /tmp/paralign-slurm.XXXXXX)
chmod 755 "$S"
pids=()
cleanup() {
  # Stop only the daemons this test started, newest first, then remove the scratch folder.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill -TERM "${pids[$i]}" 2>/dev/null || true; wait "${pids[$i]}" 2>/dev/null || true; done
  rm -rf "$S"
}
trap cleanup EXIT

python3 scripts/make-collection.py "$S/coll" --mb 0.5 --doc-kb 6 --seed 5 --bad 1 --orphans 1 2>/dev/null
date=20260101T000000Z
# The collection holds one unreadable file (--bad 1): the run exits 2, and so does the task whose shard holds it.
st=0
"$paralign" batch "$S/coll" -o "$S/single" -j 2 --merge --no-qa --date $date --quiet || st=$?
[ $st -eq 2 ] || { echo "FAIL: a batch with a failed file exited $st, not 2"; exit 1; }

mkdir -p "$S"/{munge,state,spool,run,log}
chmod 755 "$S/munge"   # munged refuses a socket folder of mode 700
mungekey --create --keyfile="$S/munge/munge.key" --force >/dev/null 2>&1
munged -F --socket="$S/munge/munge.socket.2" --key-file="$S/munge/munge.key" --log-file="$S/log/munged.log" \
  --pid-file="$S/run/munged.pid" --seed-file="$S/munge/munged.seed" >"$S/log/munged.out" 2>&1 &
pids+=($!)
cat >"$S/slurm.conf" <<CONF
ClusterName=paralign-test
SlurmctldHost=localhost
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket=$S/munge/munge.socket.2
CredType=cred/munge
StateSaveLocation=$S/state
SlurmdSpoolDir=$S/spool
SlurmctldPidFile=$S/run/slurmctld.pid
SlurmdPidFile=$S/run/slurmd.pid
SlurmctldLogFile=$S/log/slurmctld.log
SlurmdLogFile=$S/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
NodeName=localhost CPUs=$(nproc) State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$S/slurm.conf"
for _ in $(seq 1 50); do [ -S "$S/munge/munge.socket.2" ] && break; sleep 0.1; done
slurmctld -D -f "$SLURM_CONF" >"$S/log/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -N localhost -f "$SLURM_CONF" >"$S/log/slurmd.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do
  [ "$(sinfo -h -n localhost -o %T 2>/dev/null)" = idle ] && break
  sleep 0.1
done
[ "$(sinfo -h -n localhost -o %T 2>/dev/null)" = idle ] || { echo "FAIL: the test cluster did not come up"; tail "$S/log/"*.log; exit 1; }

# The job script of docs/batch.md.
cat >"$S/batch.sbatch" <<JOB
#!/bin/bash
#SBATCH --job-name=paralign-batch
#SBATCH --array=0-3
#SBATCH --cpus-per-task=1
#SBATCH --output=$S/log/task-%a.out
K=\$((SLURM_ARRAY_TASK_ID + 1))
N=\$SLURM_ARRAY_TASK_COUNT
exec "$paralign" batch "$S/coll" -o "$S/out/shard-\$K" --shard \$K/\$N -j \${SLURM_CPUS_PER_TASK:-1} \\
  --merge --no-qa --date $date --progress lines
JOB
jid=$(sbatch --parsable --chdir="$repo" "$S/batch.sbatch")
for _ in $(seq 1 1200); do
  [ -z "$(squeue -h -j "$jid" 2>/dev/null)" ] && break
  sleep 0.25
done
[ -z "$(squeue -h -j "$jid" 2>/dev/null)" ] || { echo "FAIL: the job array did not finish"; exit 1; }
for k in 1 2 3 4; do
  [ -f "$S/out/shard-$k/manifest.tsv" ] || { echo "FAIL: task $k wrote no manifest:"; cat "$S/log/task-$((k - 1)).out"; exit 1; }
done
"$paralign" tmx merge --by-symbol "$S"/out/shard-*/merged.tmx -o "$S/out/merged.tmx" --date $date --quiet
cmp "$S/single/merged.tmx" "$S/out/merged.tmx" || { echo "FAIL: the Slurm array's merged memory differs from a single run's"; exit 1; }
echo "slurm_batch: ok: 4 array tasks, merged memory equals the single run ($(grep -c '<tu ' "$S/out/merged.tmx") units)"
