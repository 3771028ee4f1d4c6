# The bad-input matrix for the four tools (issue 7): see matrix.py.
# SC_QUICK=1 leaves out the 100 MB line and the million documents.
. ./lib.sh
python3 ./matrix.py || fail "bad-input matrix"
exit 0
