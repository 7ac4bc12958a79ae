// print.c: the textual IR for `krait emit-ir` and tests/ir. One function after another:
//
//   func fib(n: int) -> int  [kg_app__fib]
//   b0:
//     t1 = CONST 2                      # line 3
//     t2 = INT_COMPARE.lt n, t1
//     BRANCH t2 -> b1, b2
//
// Locals print as their Python name, temporaries as tN; registers list their type and
// representation once, in the header. Raising instructions show their error target as "!bN".
#include "ir.h"

static const char *const binop_names[] = {"add", "sub", "mul", "truediv", "floordiv", "mod",
                                          "pow", "lshift", "rshift", "and", "or", "xor",
                                          "matmul"};
static const char *const unop_names[] = {"neg", "pos", "invert"};
static const char *const cmp_names[] = {"lt", "le", "eq", "ne", "gt", "ge"};

static void print_reg(StrBuf *b, const IrFunc *fn, int r) {
    if (fn->regs[r].name) {
        strbuf_printf(b, "%s", fn->regs[r].name);
    } else {
        strbuf_printf(b, "t%d", r);
    }
}

static void print_const(StrBuf *b, const IrConst *c) {
    switch (c->kind) {
    case IRC_INT:
        strbuf_printf(b, "%lld", (long long)c->i);
        break;
    case IRC_BIGINT:
        strbuf_printf(b, "%s", c->s);
        break;
    case IRC_FLOAT:
        ast_repr_double(b, c->f);
        break;
    case IRC_BOOL:
        strbuf_printf(b, "%s", c->i ? "True" : "False");
        break;
    case IRC_NONE:
        strbuf_printf(b, "None");
        break;
    case IRC_STR:
    case IRC_BYTES: {
        AstConst k = {.kind = c->kind == IRC_STR ? CONST_STR : CONST_BYTES, .u.s = {c->s, c->len}};
        ast_repr_const(b, &k);
        break;
    }
    case IRC_COMPLEX: {
        AstConst k = {.kind = CONST_COMPLEX, .u.f = c->f};
        ast_repr_const(b, &k);
        break;
    }
    case IRC_ELLIPSIS:
        strbuf_printf(b, "Ellipsis");
        break;
    }
}

// The op's sub-kind suffix: ".add", ".lt", ...
static void print_aux(StrBuf *b, const IrFunc *fn, const IrInstr *in) {
    switch (in->op) {
    case IR_INT_BINARY:
    case IR_FLOAT_BINARY:
    case IR_OBJ_BINARY:
        strbuf_printf(b, ".%s", binop_names[in->aux]);
        break;
    case IR_INT_UNARY:
    case IR_FLOAT_UNARY:
    case IR_OBJ_UNARY:
        strbuf_printf(b, ".%s", unop_names[in->aux]);
        break;
    case IR_INT_COMPARE:
    case IR_FLOAT_COMPARE:
    case IR_FLOAT_INT_COMPARE:
    case IR_OBJ_COMPARE:
        strbuf_printf(b, ".%s", cmp_names[in->aux]);
        break;
    case IR_IS:
        strbuf_printf(b, "%s", in->aux ? ".not" : "");
        break;
    case IR_FORMAT:
        if (in->aux > 0) {
            strbuf_printf(b, ".!%c", (char)in->aux);
        }
        break;
    case IR_PRINT:
        strbuf_printf(b, "%s%s", in->aux & 1 ? ".sep" : "", in->aux & 2 ? ".end" : "");
        break;
    case IR_LOAD_GLOBAL:
    case IR_STORE_GLOBAL:
    case IR_MATH_INTACT:
        strbuf_printf(b, " %s", fn->mod->globals[in->aux].name);
        break;
    case IR_CALL_EXT:
    case IR_CHECK_EXT:
        strbuf_printf(b, " %s", fn->mod->externs[in->aux].cname);
        break;
    case IR_CALL:
    case IR_GEN_NEW:
    case IR_MAKE_FUNCTION:
        strbuf_printf(b, " %s", fn->mod->funcs[in->aux]->name);
        break;
    case IR_CALL_BUILTIN:
        strbuf_printf(b, " %s", ir_builtins[in->aux].name);
        break;
    case IR_NEXT:
        strbuf_printf(b, "%s", in->aux ? ".gen" : "");
        break;
    case IR_INPLACE:
    case IR_LIST_AUG:
        strbuf_printf(b, ".%s", binop_names[in->aux]);
        break;
    case IR_BUILD:
    case IR_CONTAINER_ADD:
    case IR_CALL_OBJ:
    case IR_CALL_METHOD:
    case IR_UNPACK:
    case IR_TUPLE_ITEM:
    case IR_GEN_ARG:
        strbuf_printf(b, ".%d", in->aux);
        break;
    default:
        break;
    }
}

static void print_instr(StrBuf *b, const IrFunc *fn, const IrInstr *in) {
    strbuf_printf(b, "    ");
    if (in->dst >= 0) {
        print_reg(b, fn, in->dst);
        strbuf_printf(b, " = ");
    }
    strbuf_printf(b, "%s", ir_op_names[in->op]);
    print_aux(b, fn, in);
    if (in->cst) {
        strbuf_putc(b, ' ');
        print_const(b, in->cst);
    }
    for (int i = 0; i < in->nargs; i++) {
        strbuf_printf(b, i ? ", " : " ");
        print_reg(b, fn, in->args[i]);
    }
    if (in->target[0]) {
        strbuf_printf(b, " -> b%d", in->target[0]->id);
    }
    if (in->target[1]) {
        strbuf_printf(b, ", b%d", in->target[1]->id);
    }
    if (in->err) {
        strbuf_printf(b, " !b%d", in->err->id);
    }
    if (in->small) {  // pass_small: the operands (and the result) that are small ints
        strbuf_printf(b, "  {small:");
        for (int i = 0; i < in->nargs && i < 31; i++) {
            if (in->small & (1u << i)) {
                strbuf_putc(b, ' ');
                print_reg(b, fn, in->args[i]);
            }
        }
        if (in->small & IR_SMALL_RESULT) {
            strbuf_printf(b, " -> ");
            print_reg(b, fn, in->dst);
        }
        strbuf_putc(b, '}');
    }
    strbuf_printf(b, "  # line %d\n", in->line);
}

static void print_header(StrBuf *b, const IrFunc *fn) {
    strbuf_printf(b, "func %s(", fn->name);
    for (int i = 0; i < fn->nparams; i++) {
        strbuf_printf(b, "%s%s: ", i ? ", " : "", fn->regs[fn->params[i]].name);
        ty_format(b, fn->regs[fn->params[i]].ty);
    }
    strbuf_printf(b, ") -> ");
    ty_format(b, fn->ret_ty);
    strbuf_printf(b, "  [%s]\n  regs:", fn->cname);
    for (int r = 0; r < fn->nregs; r++) {
        strbuf_putc(b, ' ');
        print_reg(b, fn, r);
        strbuf_putc(b, ':');
        ty_format(b, fn->regs[r].ty);
    }
    strbuf_putc(b, '\n');
}

void ir_print_func(const IrFunc *fn, FILE *out) {
    Arena a;
    arena_init(&a);
    StrBuf b;
    strbuf_init(&b, &a);
    print_header(&b, fn);
    for (int i = 0; i < fn->nblocks; i++) {
        const IrBlock *blk = fn->blocks[i];
        strbuf_printf(&b, "  b%d:\n", blk->id);
        for (int k = 0; k < blk->count; k++) {
            print_instr(&b, fn, blk->instrs[k]);
        }
    }
    fwrite(b.data, 1, b.len, out);
    arena_free(&a);
}

void ir_print_module(const IrModule *m, FILE *out) {
    for (int i = 0; i < m->nglobals; i++) {
        StrBuf b;
        Arena a;
        arena_init(&a);
        strbuf_init(&b, &a);
        strbuf_printf(&b, "global %s: ", m->globals[i].name);
        ty_format(&b, m->globals[i].ty);
        fprintf(out, "%s\n", strbuf_cstr(&b));
        arena_free(&a);
    }
    for (int i = 1; i <= m->nfuncs; i++) {
        // The module body last, as it runs after every def.
        ir_print_func(m->funcs[i % m->nfuncs], out);
        fputc('\n', out);
    }
}
