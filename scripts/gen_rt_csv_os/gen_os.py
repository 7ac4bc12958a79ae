import posixpath as pp
def cstr(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'
paths = ['', '/', '//', '///', 'a', '/a', 'a/', 'a/b', '/a/b/', 'a//b', '//a//b//', '/a/b/c.txt',
         'a.tar.gz', '.bashrc', '..', '.', '...', '..a', 'a/.b', 'a/.b.c', 'a/b.', 'a.b/c',
         '/..', '/../a', 'a/../..', '../a/./b/../c', './', 'a/./b', '///a/../b', '//a/..',
         '/a/b/../../..', 'x/y/../../../z', '.../x', 'a/..b/c', 'dir.d/file', '\u00e9/\u00fc.txt']
print('// ---- unary')
for p in paths:
    for f in ['basename', 'dirname', 'split', 'splitext', 'normpath', 'isabs']:
        print('    { "%s", %s, %s },' % (f, cstr(p), cstr(repr(getattr(pp, f)(p)))))
print('// ---- join')
joins = [('a',), ('a', 'b'), ('a/', 'b'), ('a', '/b'), ('', 'b'), ('a', ''), ('a', 'b', 'c'),
         ('/', 'a'), ('a', 'b/', 'c'), ('a', '/b', 'c'), ('', ''), ('a//', 'b'), ('/a', '..', 'b')]
for j in joins:
    print('    { %d, { %s }, %s },' % (len(j), ', '.join(cstr(x) for x in j), cstr(repr(pp.join(*j)))))
print('// ---- abspath')
for p in ['/', '/a/../b', '//x/./y', '/a/b/']:
    print('    { %s, %s },' % (cstr(p), cstr(repr(pp.abspath(p)))))
