// pass_errors.c: makes error edges explicit. Every instruction that can raise gets an error
// target: the innermost handler around it, which lowering recorded in 'handler' (an except
// clause's matching code, a finally body, a with statement's __exit__ call, or the cleanup that
// ends an except clause), else the function's unwind block (UNWIND: return the error sentinel
// with the exception pending), created here. The emitter adds the traceback entry (file, line,
// function) on each error edge, as CPython adds one per frame the exception passes, except on
// the edges of RERAISE and PROPAGATE, which carry an exception that already has its entry.
#include "ir.h"

void pass_errors(IrFunc *fn) {
    int nblocks = fn->nblocks;
    for (int i = 0; i < nblocks; i++) {
        IrBlock *b = fn->blocks[i];
        for (int k = 0; k < b->count; k++) {
            IrInstr *in = b->instrs[k];
            if (!ir_instr_raises(fn, in)) {
                continue;
            }
            if (in->handler) {
                in->err = in->handler;
                continue;
            }
            if (!fn->unwind) {
                fn->unwind = ir_block_new(fn);
                ir_append(fn, fn->unwind, ir_instr_new(fn, IR_UNWIND, -1, 0, fn->line));
            }
            in->err = fn->unwind;
        }
    }
    fn->errors_inserted = true;
}
