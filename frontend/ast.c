// ast.c: AST node allocation and the reflective tables generated from ast.def — kind names,
// operator names and per-kind field descriptors — that the dumper and tests walk generically.
#include "frontend.h"

AstNode *ast_new(Arena *a, AstKind kind, SrcSpan span) {
    AstNode *n = arena_alloc(a, sizeof(AstNode));
    n->kind = kind;
    n->span = span;
    return n;
}

static const char *const kind_names[] = {
#define AST_NODE(K, cat, fields) #K,
#define AST_NODE0(K, cat) #K,
#define AST_OP(K, cat)
#include "ast.def"
#undef AST_OP
#undef AST_NODE
#undef AST_NODE0
};

static const char *const op_names[] = {
#define AST_OP(K, cat) #K,
#define AST_NODE(K, cat, fields)
#define AST_NODE0(K, cat)
#include "ast.def"
#undef AST_OP
#undef AST_NODE
#undef AST_NODE0
};

const char *ast_kind_name(AstKind kind) {
    return kind_names[kind];
}

const char *ast_op_name(AstOp op) {
    return op_names[op];
}

const AstField *ast_fields(AstKind kind, int *count) {
    // Each case defines its node's field struct as 'Cur' so F can take offsets by name.
    switch (kind) {
#define F(k, n) {#n, FK_##k, offsetof(AstNode, u) + offsetof(Cur, n)},
#define AST_NODE(K, cat, fields)                                                                   \
    case AST_##K: {                                                                                \
        typedef struct AstFields_##K Cur;                                                          \
        static const AstField table[] = {fields};                                                  \
        *count = (int)(sizeof table / sizeof table[0]);                                            \
        return table;                                                                              \
    }
#define AST_NODE0(K, cat)                                                                          \
    case AST_##K:                                                                                  \
        *count = 0;                                                                                \
        return NULL;
#define AST_OP(K, cat)
#include "ast.def"
#undef AST_OP
#undef F
#undef AST_NODE
#undef AST_NODE0
    case AST__COUNT:
        break;
    }
    *count = 0;
    return NULL;
}

bool ast_any_child(const AstNode *n, bool (*visit)(const AstNode *child, void *ctx), void *ctx) {
    int count;
    const AstField *fields = ast_fields(n->kind, &count);
    for (int i = 0; i < count; i++) {
        const char *at = (const char *)n + fields[i].offset;
        if (fields[i].kind == FK_NODE || fields[i].kind == FK_NODE_OPT) {
            const AstNode *c = *(AstNode *const *)at;
            if (c && visit(c, ctx)) {
                return true;
            }
        } else if (fields[i].kind == FK_LIST) {
            const AstList *l = (const AstList *)at;
            for (int k = 0; k < l->count; k++) {
                if (l->items[k] && visit(l->items[k], ctx)) {
                    return true;
                }
            }
        }
    }
    return false;
}

bool ast_has_location(AstKind kind) {
    switch (kind) {
    case AST_Module:
    case AST_Interactive:
    case AST_Expression:
    case AST_FunctionType:
    case AST_comprehension:
    case AST_arguments:
    case AST_withitem:
    case AST_match_case:
    case AST_TypeIgnore:
        return false;
    default:
        return true;
    }
}
