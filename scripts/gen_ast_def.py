#!/usr/bin/env python3
# Writes frontend/ast.def from CPython 3.13's ast module (run with python3.13):
#   PYENV_VERSION=3.13.0 python3.13 scripts/gen_ast_def.py > frontend/ast.def
import ast

HEADER = """// ast.def: every node kind of CPython 3.13's ast module, with its fields in _fields order.
// Generated from the running interpreter's ast module by scripts/gen_ast_def.py; edit that script,
// not this list.
//
// AST_NODE(Kind, category, fields) / AST_NODE0(Kind, category) for nodes without fields.
// F(kind, name) field kinds:
//   NODE       child node (never NULL)          NODE_OPT   child node or NULL (None)
//   LIST       AstList of nodes (items may be NULL only in Dict.keys)
//   IDENT      interned identifier              IDENT_OPT  identifier or NULL (None)
//   IDENT_LIST NameList                         INT        int
//   CONST      AstConst                         STR_OPT    C string or NULL (None)
//   OP         AstOp                            OP_LIST    AstOpList
// AST_OP(Name, category): operator and context singletons (Load(), Add(), Eq(), ...)."""
CATS = ['mod', 'stmt', 'expr', 'comprehension', 'excepthandler', 'arguments', 'arg', 'keyword',
        'alias', 'withitem', 'match_case', 'pattern', 'type_ignore', 'type_param']
OPS = ['expr_context', 'boolop', 'operator', 'unaryop', 'cmpop']
SKIP = ('slice', 'Index', 'ExtSlice', 'Suite', 'Param', 'AugLoad', 'AugStore', 'Num', 'Str',
        'Bytes', 'NameConstant', 'Ellipsis')
OP_BASES = (ast.expr_context, ast.boolop, ast.operator, ast.unaryop, ast.cmpop)


def kind(node, f, t):
    s = str(t)
    if node in ('Constant', 'MatchSingleton') and f == 'value':
        return 'CONST'
    if f in ('kind', 'type_comment', 'tag'):
        return 'STR_OPT'
    if s.startswith('list[ast.cmpop'):
        return 'OP_LIST'
    if s.startswith('list[str'):
        return 'IDENT_LIST'
    if s.startswith('list['):
        return 'LIST'
    if t is int or s == 'int | None':
        return 'INT'
    if t is str:
        return 'IDENT'
    if s == 'str | None':
        return 'IDENT_OPT'
    if s.endswith('| None'):
        return 'NODE_OPT'
    if isinstance(t, type) and issubclass(t, OP_BASES):
        return 'OP'
    return 'NODE'


print(HEADER)
for c in CATS:
    base = getattr(ast, c)
    subs = [s for s in base.__subclasses__() if s.__name__ not in SKIP] or [base]
    attrs = ' (attributes: lineno, col_offset, end_lineno, end_col_offset)' if base._attributes else ''
    print(f'\n// {c}{attrs}')
    for s in subs:
        fs = ' '.join(f'F({kind(s.__name__, f, s._field_types[f])}, {f})' for f in s._fields)
        print(f'AST_NODE({s.__name__}, {c}, {fs})' if fs else f'AST_NODE0({s.__name__}, {c})')
print()
for c in OPS:
    print(f'// {c}')
    for s in getattr(ast, c).__subclasses__():
        if s.__name__ not in SKIP:
            print(f'AST_OP({s.__name__}, {c})')
