#include "krait.h"
kr_val kr_itertoolsmodule_init(void) { return kr_module_new("itertools"); }
