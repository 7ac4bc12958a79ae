// verify.c: checks the invariants every pass must keep (STYLE.md "IR"): each block ends in
// exactly one terminator and has none elsewhere; operand counts match ir_ops.def; registers
// and targets exist; MOVE keeps the representation; no object-producing instruction writes one
// of its own operands; after pass_errors every raising instruction has an error target. A
// violation is a krait bug: it prints the function and aborts.
#include "ir.h"

#include <stdlib.h>

static void fail(const IrFunc *fn, const IrBlock *b, const char *what) {
    fprintf(stderr, "krait: internal error: IR verification failed in %s, b%d: %s\n", fn->name,
            b ? b->id : -1, what);
    ir_print_func(fn, stderr);
    abort();
}

static bool block_known(const IrFunc *fn, const IrBlock *b) {
    return b && b->id >= 0 && b->id < fn->nblocks && fn->blocks[b->id] == b;
}

static void verify_operands(const IrFunc *fn, const IrBlock *b, const IrInstr *in) {
    int want = ir_op_nargs(in->op);
    if (want >= 0 && in->nargs != want) {
        fail(fn, b, "wrong operand count");
    }
    if (in->dst >= fn->nregs) {
        fail(fn, b, "destination register out of range");
    }
    for (int i = 0; i < in->nargs; i++) {
        if (in->args[i] < 0 || in->args[i] >= fn->nregs) {
            fail(fn, b, "operand register out of range");
        }
        if (in->args[i] == in->dst && in->op != IR_MOVE) {
            fail(fn, b, "instruction overwrites its operand");
        }
    }
    if (in->op == IR_MOVE && fn->regs[in->dst].rep != fn->regs[in->args[0]].rep) {
        fail(fn, b, "MOVE between representations");
    }
    if (in->op == IR_BRANCH && fn->regs[in->args[0]].rep != REP_BOOL) {
        fail(fn, b, "BRANCH on a non-bool");
    }
}

static void verify_edges(const IrFunc *fn, const IrBlock *b, const IrInstr *in) {
    int ntargets = in->op == IR_JUMP ? 1 : in->op == IR_BRANCH ? 2 : 0;
    for (int k = 0; k < 2; k++) {
        if ((k < ntargets) != (in->target[k] != NULL)
            || (in->target[k] && !block_known(fn, in->target[k]))) {
            fail(fn, b, "bad branch target");
        }
    }
    bool raises = ir_instr_raises(fn, in);
    if (fn->errors_inserted && raises && !block_known(fn, in->err)) {
        fail(fn, b, "raising instruction without an error target");
    }
    if (in->err && !raises) {
        fail(fn, b, "error target on an instruction that cannot raise");
    }
}

void ir_verify(const IrFunc *fn) {
    for (int i = 0; i < fn->nblocks; i++) {
        const IrBlock *b = fn->blocks[i];
        if (b->id != i) {
            fail(fn, b, "block numbering");
        }
        if (!ir_terminator(b)) {
            fail(fn, b, "block without a terminator");
        }
        for (int k = 0; k < b->count; k++) {
            const IrInstr *in = b->instrs[k];
            if (ir_op_is_terminator(in->op) && k != b->count - 1) {
                fail(fn, b, "terminator before the end of the block");
            }
            verify_operands(fn, b, in);
            verify_edges(fn, b, in);
        }
    }
}
